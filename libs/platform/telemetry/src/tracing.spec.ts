import { SpanKind } from '@opentelemetry/api';
import { startSpan, traceIdOf, traceparentOf, traced } from './tracing';

// No SDK is started in this file: tracing is off, as when OTEL_EXPORTER_OTLP_ENDPOINT is unset.
describe('spans with tracing off', () => {
  const callerTraceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

  it("pass the caller's traceparent through unchanged, so events and Kafka headers still carry it", () => {
    const span = startSpan({ name: 'append', kind: SpanKind.INTERNAL, parent: callerTraceparent });
    expect(traceparentOf(span)).toBe(callerTraceparent);
    expect(traceIdOf(span)).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  });

  it('invent nothing without a parent: no traceparent, no trace id', () => {
    const span = startSpan({ name: 'append', kind: SpanKind.INTERNAL });
    expect(traceparentOf(span)).toBeUndefined();
    expect(traceIdOf(span)).toBeUndefined();
  });

  it('ignore an unreadable parent rather than failing the work', async () => {
    await expect(traced({ name: 'x', kind: SpanKind.CONSUMER, parent: 'garbage' }, async (span) => traceparentOf(span))).resolves.toBeUndefined();
  });

  it("let the work's failure through unchanged", async () => {
    const failure = new Error('store down');
    await expect(traced({ name: 'x', kind: SpanKind.CONSUMER }, () => Promise.reject(failure))).rejects.toBe(failure);
  });
});
