import { SpanKind } from '@opentelemetry/api';
import type { NewEvent } from '@meridian/platform/eventsourcing';
import { MemoryEventStore } from '@meridian/platform/eventsourcing';
import { traceEventStore } from './trace-event-store';
import { startSpan, traceIdOf, traceparentOf, traced } from './tracing';

const unsampledTraceparent = /^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/;

// No SDK is started in this file: tracing is off, as when OTEL_EXPORTER_OTLP_ENDPOINT is unset.
describe('spans with tracing off', () => {
  const callerTraceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

  it("pass the caller's traceparent through unchanged, so events and Kafka headers still carry it", () => {
    const span = startSpan({ name: 'append', kind: SpanKind.INTERNAL, parent: callerTraceparent });
    expect(traceparentOf(span)).toBe(callerTraceparent);
    expect(traceIdOf(span)).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  });

  it('start an unsampled trace of their own without a parent: valid ids, flag 00, nothing recorded', () => {
    const [first, second] = [startSpan({ name: 'request', kind: SpanKind.SERVER }), startSpan({ name: 'request', kind: SpanKind.SERVER })];
    expect(traceparentOf(first!)).toMatch(unsampledTraceparent);
    expect(traceIdOf(first!)).toBe(first?.spanContext().traceId);
    expect(first?.isRecording()).toBe(false);
    expect(traceIdOf(second!)).not.toBe(traceIdOf(first!));
  });

  it('treat an unreadable parent as none rather than failing the work', async () => {
    await expect(traced({ name: 'x', kind: SpanKind.CONSUMER, parent: 'garbage' }, async (span) => traceparentOf(span))).resolves.toMatch(unsampledTraceparent);
  });

  it("let the work's failure through unchanged", async () => {
    const failure = new Error('store down');
    await expect(traced({ name: 'x', kind: SpanKind.CONSUMER }, () => Promise.reject(failure))).rejects.toBe(failure);
  });
});

describe('the traced event store with tracing off', () => {
  const event = (eventId: string, traceparent?: string): NewEvent => ({
    eventId, type: 'CustomerValueSegmentChanged', data: {},
    metadata: { tenantId: 't', actorId: 'system:segment-sweep', correlationId: 'c', causationId: 'c', schemaVersion: 1, occurredAt: '2026-01-01T00:00:00.000Z', ...(traceparent ? { traceparent } : {}) },
  });

  it('stores events appended with no trace context with one trace of their own, unsampled', async () => {
    const store = new MemoryEventStore();
    await traceEventStore(store).appendToStream('customer-1', [event('00000000-0000-4000-8000-000000000001'), event('00000000-0000-4000-8000-000000000002')], 'no_stream');
    const stored = (await store.readStream('customer-1')).map((e) => e.metadata.traceparent);
    expect(stored[0]).toMatch(unsampledTraceparent);
    expect(stored[1]).toBe(stored[0]);
  });

  it("keeps the traceparent a request or a reaction stamped, unchanged", async () => {
    const store = new MemoryEventStore();
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    await traceEventStore(store).appendToStream('customer-2', [event('00000000-0000-4000-8000-000000000003', traceparent)], 'no_stream');
    expect((await store.readStream('customer-2'))[0]?.metadata.traceparent).toBe(traceparent);
  });
});
