import type { Attributes, Context, Span, SpanKind } from '@opentelemetry/api';
import { ROOT_CONTEXT, SpanStatusCode, TraceFlags, context, defaultTextMapGetter, defaultTextMapSetter, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { RandomIdGenerator } from '@opentelemetry/sdk-trace';

/**
 * Spans are started from an explicit parent, a W3C `traceparent`, never from
 * ambient context alone: the parent of an append is the HTTP request that
 * made it, of a publish the event's stored traceparent, of a projection the
 * Kafka message's header. That holds across the process boundaries Meridian
 * has (event store, Kafka) and whether or not an async context survived a
 * framework's callbacks.
 *
 * With tracing off (no SDK started) the API's no-op tracer hands back a
 * non-recording span that carries the parent's ids, so an incoming
 * traceparent still travels unchanged into events and Kafka headers. Without
 * a parent it would hand back the invalid span (all-zero ids), and the work
 * would leave no trace context behind; `startSpan` starts an unsampled trace
 * instead (see `unsampledRoot`), so every event and message still carries one.
 */
const propagator = new W3CTraceContextPropagator();
const ids = new RandomIdGenerator();

const tracer = () => trace.getTracer('meridian');

/** The context a W3C traceparent (and tracestate) describes; the root context without one. */
export const contextOfTraceparent = (traceparent: string | undefined, tracestate?: string): Context =>
  traceparent === undefined
    ? ROOT_CONTEXT
    : propagator.extract(ROOT_CONTEXT, { traceparent, ...(tracestate ? { tracestate } : {}) }, defaultTextMapGetter);

/** The W3C traceparent naming `span` as the parent; undefined for an invalid span (one `startSpan` never returns). */
export const traceparentOf = (span: Span): string | undefined => {
  const carrier: Record<string, string> = {};
  propagator.inject(trace.setSpan(ROOT_CONTEXT, span), carrier, defaultTextMapSetter);
  return carrier.traceparent;
};

/** The trace id of `span` when it is part of a trace. */
export const traceIdOf = (span: Span): string | undefined => {
  const ids = span.spanContext();
  return trace.isSpanContextValid(ids) ? ids.traceId : undefined;
};

export type SpanStart = Readonly<{
  name: string;
  kind: SpanKind;
  /** The parent's traceparent; a new trace starts without one. */
  parent?: string;
  attributes?: Attributes;
}>;

/**
 * A new trace with the sampled flag off: fresh ids, recorded by no one. W3C
 * Trace Context allows it (flag 00: the caller did not record), and a
 * parent-based sampler downstream leaves its children unrecorded too, so
 * untraced work costs no spans anywhere yet stays followable by its ids.
 */
const unsampledRoot = (): Span => trace.wrapSpanContext({ traceId: ids.generateTraceId(), spanId: ids.generateSpanId(), traceFlags: TraceFlags.NONE });

/**
 * Starts a span under `start.parent` (a new trace without a valid one); the
 * caller ends it (use `traced` for a unit of async work). Its context is
 * always valid: with tracing off and no parent it is an unsampled new trace.
 */
export const startSpan = (start: SpanStart): Span => {
  const span = tracer().startSpan(start.name, { kind: start.kind, ...(start.attributes ? { attributes: start.attributes } : {}) }, contextOfTraceparent(start.parent));
  return trace.isSpanContextValid(span.spanContext()) ? span : unsampledRoot();
};

/** Marks `span` failed with `error`, the way every Meridian span reports a failure. */
export const failSpan = (span: Span, error: unknown): void => {
  span.recordException(error instanceof Error ? error : new Error(String(error)));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
};

/**
 * Runs `work` inside a new span (active for anything that reads the ambient
 * context, such as log lines), ending it when the work settles and marking it
 * failed if the work throws.
 */
export const traced = async <T>(start: SpanStart, work: (span: Span) => Promise<T>): Promise<T> => {
  const span = startSpan(start);
  try {
    return await context.with(trace.setSpan(contextOfTraceparent(start.parent), span), () => work(span));
  } catch (error) {
    failSpan(span, error);
    throw error;
  } finally {
    span.end();
  }
};
