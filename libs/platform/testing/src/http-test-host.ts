import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { EventStore } from '@meridian/platform/eventsourcing';
import type { HttpHostDefinition } from '@meridian/platform/nest';
import { EVENT_STORE, createHttpHost, loadConfig } from '@meridian/platform/nest';

export type HttpResponse = Readonly<{ status: number; headers: Headers; body: unknown; text: string }>;

export type TestHost = Readonly<{
  baseUrl: string;
  store: EventStore;
  request: (method: string, path: string, options?: RequestOptions) => Promise<HttpResponse>;
  close: () => Promise<void>;
}>;

export type RequestOptions = Readonly<{ body?: unknown; rawBody?: string; headers?: Record<string, string> }>;

/** A real host listening on a loopback port; requests go through real HTTP. */
export const startTestHost = async (definition: HttpHostDefinition, eventStoreUrl: string, env: Readonly<Record<string, string>> = {}): Promise<TestHost> => {
  const config = loadConfig({ EVENTSTORE_URL: eventStoreUrl, LOG_LEVEL: 'error', PORT: '0', HOST: '127.0.0.1', ...env });
  const app: NestFastifyApplication = await createHttpHost(definition, config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  if (typeof address !== 'object' || address === null) throw new Error('test host has no TCP address');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    baseUrl,
    store: app.get<EventStore>(EVENT_STORE),
    request: (method, path, options = {}) => send(baseUrl, method, path, options),
    close: () => app.close(),
  };
};

export const send = async (baseUrl: string, method: string, path: string, options: RequestOptions = {}): Promise<HttpResponse> => {
  const hasBody = options.body !== undefined || options.rawBody !== undefined;
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...options.headers },
    ...(hasBody ? { body: options.rawBody ?? JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, body, text };
};
