import { Writable } from 'node:stream';
import { Body, Controller, Get, Logger, Module, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SpanKind } from '@opentelemetry/api';
import { currentLogContext } from '@meridian/platform/telemetry';
import type { SpanCollector } from '@meridian/platform/telemetry/testing';
import { collectSpans } from '@meridian/platform/telemetry/testing';
import { loadConfig } from '../config/app-config';
import { EventStoreModule } from '../eventstore/event-store.module';
import type { CommandRequest } from './request-context';
import { CommandRequestContext } from './request-context';
import { createHttpHost } from './run-http-host';

@Controller('probe-commands')
class ProbeController {
  private readonly logger = new Logger('probe');

  @Post()
  handle(@Body() _body: unknown, @CommandRequestContext() command: CommandRequest) {
    this.logger.log('handling the command', { step: 'inside' });
    return { context: currentLogContext() ?? null, traceparent: command.context.traceparent ?? null, correlationId: command.context.correlationId };
  }

  @Get()
  query() {
    return { context: currentLogContext() ?? null };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

const lines: Record<string, unknown>[] = [];
const capture = new Writable({
  write(chunk: Buffer, _encoding, callback) {
    for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
    callback();
  },
});

let spans: SpanCollector;
let app: NestFastifyApplication;
let baseUrl: string;

beforeAll(async () => {
  spans = collectSpans('probe');
  const config = loadConfig({ EVENTSTORE_URL: 'memory:', LOG_LEVEL: 'info', PORT: '0', HOST: '127.0.0.1' });
  app = await createHttpHost(
    { name: 'probe-service', openApi: { title: 'probe', description: 'probe', version: '0' }, rootModule: (settings) => ({ module: ProbeModule, imports: [EventStoreModule.forRoot(settings.eventStoreUrl)] }) },
    config,
    { logDestination: capture },
  );
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await app?.close();
  await spans?.shutdown();
});

beforeEach(() => {
  spans.reset();
  lines.length = 0;
});

/**
 * The span ends and the access line is written in onResponse, which may run
 * after the client already has the response: wait for `count` requests to
 * have completed, then for the processor to hand their spans over.
 */
const completed = async (count: number) => {
  const deadline = Date.now() + 5_000;
  while (lines.filter((l) => l.message === 'request completed').length < count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return spans.finished();
};

const callerTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
const callerSpan = '00f067aa0ba902b7';
const command = (headers: Record<string, string> = {}) =>
  fetch(`${baseUrl}/probe-commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant-id': 'acme', 'x-user-id': 'ana', ...headers },
    body: JSON.stringify({ some: 'body' }),
  });

describe('request telemetry: one span and one log context per request', () => {
  it("continues the caller's trace: a server span under its traceparent, named by route", async () => {
    const response = await command({ traceparent: `00-${callerTrace}-${callerSpan}-01` });
    expect(response.status).toBe(201);
    const [span] = (await completed(1)).filter((s) => s.kind === SpanKind.SERVER);
    expect(span?.name).toBe('POST /probe-commands');
    expect(span?.spanContext().traceId).toBe(callerTrace);
    expect(span?.parentSpanContext?.spanId).toBe(callerSpan);
    expect(span?.attributes['http.response.status_code']).toBe(201);
  });

  it('stamps the server span, not the caller, as the command parent, so later spans join under the request', async () => {
    const body = (await (await command({ traceparent: `00-${callerTrace}-${callerSpan}-01` })).json()) as { traceparent: string };
    const [span] = await completed(1);
    expect(body.traceparent).toBe(`00-${callerTrace}-${span?.spanContext().spanId}-01`);
  });

  it('starts a new trace without a traceparent, and restarts it when the header is unreadable', async () => {
    await command();
    await command({ traceparent: 'not-a-traceparent' });
    const finished = await completed(2);
    expect(new Set(finished.map((s) => s.spanContext().traceId)).size).toBe(2);
    expect(finished.every((s) => s.parentSpanContext === undefined)).toBe(true);
  });

  it("gives the handler's own log lines the correlation id, tenant and trace id, after the body was parsed", async () => {
    const body = (await (await command({ 'x-correlation-id': 'corr-42' })).json()) as { context: Record<string, string> };
    const [span] = await completed(1);
    const traceId = span?.spanContext().traceId;
    expect(body.context).toMatchObject({ correlationId: 'corr-42', tenantId: 'acme', traceId });
    const handled = lines.find((l) => l.message === 'handling the command');
    expect(handled).toMatchObject({ level: 'info', service: 'probe-service', context: 'probe', step: 'inside', correlationId: 'corr-42', tenantId: 'acme', traceId });
  });

  it('writes one access line per request with route, status, duration and the ids; probes only at debug', async () => {
    const response = await command();
    const { correlationId } = (await response.json()) as { correlationId: string };
    await fetch(`${baseUrl}/health/live`);
    await completed(1);
    // The probe's line is at debug, below this logger's level: wait a moment for it to (not) appear.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const access = lines.filter((l) => l.message === 'request completed');
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({ method: 'POST', route: '/probe-commands', status: 201, tenantId: 'acme', correlationId });
    expect(typeof access[0]?.durationMs).toBe('number');
    expect(access[0]?.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(typeof access[0]?.time).toBe('string');
  });

  it('keeps requests apart: concurrent requests never see each other’s context', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => command({ 'x-correlation-id': `c-${i}`, 'x-tenant-id': `t-${i}` }).then((r) => r.json() as Promise<{ context: Record<string, string> }>)),
    );
    results.forEach((r, i) => expect(r.context).toMatchObject({ correlationId: `c-${i}`, tenantId: `t-${i}` }));
  });

  it('has a context for queries too: tenant and trace id without a correlation id', async () => {
    const body = (await (await fetch(`${baseUrl}/probe-commands`, { headers: { 'x-tenant-id': 'acme' } })).json()) as { context: Record<string, string> };
    expect(body.context.tenantId).toBe('acme');
    expect(body.context.traceId).toMatch(/^[0-9a-f]{32}$/);
  });
});
