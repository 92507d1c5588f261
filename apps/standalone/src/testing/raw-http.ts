import type { Agent, ClientRequest, IncomingHttpHeaders } from 'node:http';
import { request } from 'node:http';

/** A complete answer, or how the exchange failed (`ECONNRESET`, `ECONNREFUSED`, …): never a rejection. */
export type Exchange = Readonly<{ status?: number; headers?: IncomingHttpHeaders; body?: unknown; error?: string; reusedSocket: boolean }>;

export type RawRequest = Readonly<{
  method: string;
  path: string;
  headers?: Readonly<Record<string, string>>;
  /** Keep-alive pool to send through; without one the request gets a connection of its own. */
  agent?: Agent;
}>;

/**
 * node:http rather than fetch: a test about connections needs to see a reset
 * as a reset, to know whether a kept-alive socket was reused, and to stream a
 * request body at its own pace.
 */
export const startExchange = (baseUrl: string, raw: RawRequest): Readonly<{ request: ClientRequest; answer: Promise<Exchange> }> => {
  const url = new URL(raw.path, baseUrl);
  const outgoing = request(url, { method: raw.method, headers: raw.headers, agent: raw.agent ?? false });
  const answer = new Promise<Exchange>((resolve) => {
    outgoing.once('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message, reusedSocket: outgoing.reusedSocket }));
    outgoing.once('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.once('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message, reusedSocket: outgoing.reusedSocket }));
      // 'aborted' means the body was cut off: a response without its end is no complete response.
      response.once('aborted', () => resolve({ error: 'ABORTED', status: response.statusCode, reusedSocket: outgoing.reusedSocket }));
      response.once('end', () => {
        let body: unknown;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          body = text;
        }
        resolve({ status: response.statusCode, headers: response.headers, body, reusedSocket: outgoing.reusedSocket });
      });
    });
  });
  return { request: outgoing, answer };
};

/** A bodiless request, sent at once. */
export const exchange = (baseUrl: string, raw: RawRequest): Promise<Exchange> => {
  const started = startExchange(baseUrl, raw);
  started.request.end();
  return started.answer;
};
