import type { Span } from '@opentelemetry/api';
import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import type { LogContext, ProcessLogger } from '@meridian/platform/telemetry';
import { contextOfTraceparent, enrichLogContext, startSpan, traceIdOf, traceparentOf, withLogContext } from '@meridian/platform/telemetry';

const tenantPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const printable = /^[\x21-\x7e]{1,255}$/;
/** W3C Trace Context version 00; anything else restarts the trace rather than failing the request. */
export const traceparentPattern = /^00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$/;

/**
 * The parts of a Fastify request and reply the hooks read; structural, because
 * Nest's adapter brings its own copy of Fastify's types.
 */
export type TelemetryRequest = Readonly<{
  method: string;
  url: string;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  routeOptions: Readonly<{ url?: string }>;
}>;
type TelemetryReply = Readonly<{ statusCode: number }>;
type Done = () => void;

type RequestTelemetry = { span: Span; log: LogContext; startedAt: bigint };

const telemetryOf = new WeakMap<TelemetryRequest, RequestTelemetry>();

const header = (request: TelemetryRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const probeRoutes = /^\/(?:health|metrics)\b/;

const routeOf = (request: TelemetryRequest): string => request.routeOptions.url ?? 'unmatched';

/**
 * The traceparent a command stamps into its events: the request's server
 * span, so the relay's and projections' spans join the request's trace. With
 * tracing off it is the caller's own traceparent, passed through unchanged,
 * or, when the caller sent none (or an unreadable one), a new unsampled trace
 * started for the request: every request's events carry one either way.
 */
export const requestTraceparent = (request: TelemetryRequest): string | undefined => {
  const telemetry = telemetryOf.get(request);
  if (telemetry !== undefined) return traceparentOf(telemetry.span);
  const supplied = header(request, 'traceparent');
  return supplied !== undefined && traceparentPattern.test(supplied) ? supplied : undefined;
};

/** Records what a handler learnt (tenant, correlation id) for the request's log lines and access line. */
export const noteRequestContext = (request: TelemetryRequest, fields: LogContext): void => {
  const telemetry = telemetryOf.get(request);
  if (telemetry !== undefined) Object.assign(telemetry.log, fields);
  enrichLogContext(fields);
};

/**
 * Fastify hooks giving every request a server span (child of the caller's
 * traceparent) and a log context (correlation id, tenant, trace id) for the
 * lines written while it is handled, and one access line when it completes.
 */
export const requestTelemetryHooks = (logger: ProcessLogger) => ({
  onRequest: (request: TelemetryRequest, _reply: TelemetryReply, done: Done): void => {
    const suppliedTraceparent = header(request, 'traceparent');
    const parent = suppliedTraceparent !== undefined && traceparentPattern.test(suppliedTraceparent) ? suppliedTraceparent : undefined;
    const route = routeOf(request);
    const span = startSpan({
      name: `${request.method} ${route}`,
      kind: SpanKind.SERVER,
      ...(parent ? { parent } : {}),
      attributes: { 'http.request.method': request.method, 'http.route': route, 'url.path': request.url.split('?')[0] ?? request.url },
    });
    const correlationId = header(request, 'x-correlation-id');
    const tenantId = header(request, 'x-tenant-id');
    const traceId = traceIdOf(span);
    const log: LogContext = {
      ...(correlationId !== undefined && printable.test(correlationId) ? { correlationId } : {}),
      ...(tenantId !== undefined && tenantPattern.test(tenantId) ? { tenantId } : {}),
      ...(traceId !== undefined ? { traceId, spanId: span.spanContext().spanId } : {}),
    };
    telemetryOf.set(request, { span, log, startedAt: process.hrtime.bigint() });
    // The rest of the request runs inside the span and the log context, so
    // lines logged by handlers carry the ids without being handed them.
    withLogContext(log, () => context.with(trace.setSpan(contextOfTraceparent(parent), span), () => done()));
  },
  onResponse: (request: TelemetryRequest, reply: TelemetryReply, done: Done): void => {
    const telemetry = telemetryOf.get(request);
    if (telemetry !== undefined) {
      const status = reply.statusCode;
      telemetry.span.setAttribute('http.response.status_code', status);
      if (status >= 500) telemetry.span.setStatus({ code: SpanStatusCode.ERROR, message: `HTTP ${status}` });
      telemetry.span.end();
      const durationMs = Number(process.hrtime.bigint() - telemetry.startedAt) / 1e6;
      // Probes and scrapes every few seconds would drown the requests people look for.
      const level = probeRoutes.test(routeOf(request)) ? 'debug' : 'info';
      logger[level](
        { ...telemetry.log, method: request.method, route: routeOf(request), status, durationMs: Math.round(durationMs * 100) / 100 },
        'request completed',
      );
    }
    done();
  },
});
