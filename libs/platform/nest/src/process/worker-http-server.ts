import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { problem, problemContentType } from '../http/problem-details';

/** Resolves with what to report when the dependency answers; throws (with a message for the operator) when it does not. */
export type ReadinessCheck = () => Promise<Readonly<Record<string, unknown>>>;

export type WorkerHttpOptions = Readonly<{
  registry: Registry;
  /** Named checks, all of which must pass for /health/ready to answer 200. */
  readiness: Readonly<Record<string, ReadinessCheck>>;
  /** False once the worker's loop has ended: /health/live then answers 503 and the orchestrator restarts the process. */
  live: () => boolean;
  host?: string;
  /** 0 picks a free port (tests); the chosen one is in `port`. */
  port: number;
  checkTimeoutMs?: number;
}>;

export type WorkerHttpServer = Readonly<{ port: number; close: () => Promise<void> }>;

export type CheckDetails = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** Same budget as the HTTP services' event-store probe: a hanging dependency is a down one. */
const defaultCheckTimeoutMs = 2_000;

const withTimeout = async <T>(call: () => Promise<T>, timeoutMs: number): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([call(), timeout]);
  } finally {
    clearTimeout(timer);
  }
};

/** Runs every check concurrently; each ends up `up` (with what it reported) or `down` (with the error's message). */
export const runReadinessChecks = async (
  checks: Readonly<Record<string, ReadinessCheck>>,
  timeoutMs = defaultCheckTimeoutMs,
): Promise<{ ready: boolean; details: CheckDetails }> => {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      try {
        return [name, { status: 'up', ...(await withTimeout(check, timeoutMs)) }] as const;
      } catch (error) {
        return [name, { status: 'down', message: error instanceof Error ? error.message : String(error) }] as const;
      }
    }),
  );
  return { ready: entries.every(([, detail]) => detail.status === 'up'), details: Object.fromEntries(entries) };
};

const send = (response: ServerResponse, status: number, contentType: string, body: string, headers: Record<string, string> = {}): void => {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store', ...headers });
  response.end(body);
};

const json = (response: ServerResponse, status: number, body: unknown): void => send(response, status, 'application/json; charset=utf-8', JSON.stringify(body));

/** The 503 the HTTP services answer (problem+json `not-ready`, the checks named), so one alert and one probe config fit all. */
const notReady = (response: ServerResponse, details: CheckDetails): void =>
  send(response, 503, problemContentType, JSON.stringify(problem(503, 'not-ready', 'Not ready', 'A dependency this service needs is unavailable (see checks)', { checks: details })), { 'retry-after': '1' });

/**
 * /metrics, /health/live and /health/ready for a worker with no HTTP API of
 * its own (relay, projections). node:http rather than Nest: the workers are
 * plain processes, and three GET routes need no framework. Errors in a
 * handler answer 500 and never reach the worker's loop.
 */
export const startWorkerHttpServer = async (options: WorkerHttpOptions): Promise<WorkerHttpServer> => {
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, problemContentType, JSON.stringify(problem(405, 'method-not-allowed', 'Method not allowed', `${request.method} is not supported`)), { allow: 'GET' });
    if (path === '/metrics') return send(response, 200, options.registry.contentType, await options.registry.metrics());
    if (path === '/health/live') {
      return options.live() ? json(response, 200, { status: 'ok', details: {} }) : notReady(response, { loop: { status: 'down', message: 'the worker loop has stopped' } });
    }
    if (path === '/health/ready') {
      const { ready, details } = await runReadinessChecks(options.readiness, options.checkTimeoutMs);
      return ready ? json(response, 200, { status: 'ok', details }) : notReady(response, details);
    }
    send(response, 404, problemContentType, JSON.stringify(problem(404, 'not-found', 'Not found', `${path} is not served here; try /metrics, /health/live or /health/ready`)));
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, problemContentType, JSON.stringify(problem(500, 'internal-error', 'Internal server error', `The request failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`)));
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
};
