import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { NewEvent } from '@meridian/platform/eventsourcing';
import { MemoryEventStore, WrongExpectedRevision } from '@meridian/platform/eventsourcing';
import { traceEventStore } from './trace-event-store';
import type { SpanCollector } from './testing/span-collector';
import { collectSpans } from './testing/span-collector';

let spans: SpanCollector;
beforeAll(() => {
  spans = collectSpans();
});
afterAll(() => spans.shutdown());
beforeEach(() => spans.reset());

const e1 = '00000000-0000-4000-8000-000000000001';
const e2 = '00000000-0000-4000-8000-000000000002';
const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
const requestSpanId = '00f067aa0ba902b7';
const event = (eventId: string): NewEvent => ({
  eventId,
  type: 'OpportunityOpened',
  data: {},
  metadata: { tenantId: 't', actorId: 'a', correlationId: 'c', causationId: 'k', schemaVersion: 1, occurredAt: '2026-01-01T00:00:00.000Z', traceparent: `00-${traceId}-${requestSpanId}-01` },
});

describe('traced event store', () => {
  it('spans each append under the traceparent its events carry, with the outcome', async () => {
    const store = traceEventStore(new MemoryEventStore());
    await store.appendToStream('opportunity-1', [event(e1)], 'no_stream');
    await store.appendToStream('opportunity-1', [event(e1)], 'no_stream');
    const [first, replay] = (await spans.finished());
    expect(first).toMatchObject({ name: 'append opportunity', kind: SpanKind.CLIENT });
    expect(first?.spanContext().traceId).toBe(traceId);
    expect(first?.parentSpanContext?.spanId).toBe(requestSpanId);
    expect(first?.attributes).toMatchObject({ 'meridian.events': 1, 'meridian.append.replayed': false, 'meridian.stream.revision': 0 });
    expect(replay?.attributes['meridian.append.replayed']).toBe(true);
  });

  it('marks a conflicting append failed and lets the conflict through unchanged', async () => {
    const store = traceEventStore(new MemoryEventStore());
    await store.appendToStream('opportunity-2', [event(e1)], 'no_stream');
    await expect(store.appendToStream('opportunity-2', [event(e2)], 'no_stream')).rejects.toBeInstanceOf(WrongExpectedRevision);
    expect((await spans.finished())[1]?.status.code).toBe(SpanStatusCode.ERROR);
  });

  it('makes the append the root of a trace for events appended with no trace context, and stamps it into them', async () => {
    const inner = new MemoryEventStore();
    const { traceparent: _none, ...untraced } = event(e1).metadata;
    await traceEventStore(inner).appendToStream('customer-9', [{ ...event(e1), metadata: untraced }], 'no_stream');
    const [append] = await spans.finished();
    expect(append?.parentSpanContext).toBeUndefined();
    const { traceId: rootTrace, spanId } = append!.spanContext();
    expect((await inner.readStream('customer-9'))[0]?.metadata.traceparent).toBe(`00-${rootTrace}-${spanId}-01`);
  });

  it('reads pass through untraced', async () => {
    const store = traceEventStore(new MemoryEventStore());
    await store.appendToStream('opportunity-3', [event(e1)], 'no_stream');
    spans.reset();
    expect(await store.readStream('opportunity-3')).toHaveLength(1);
    expect(await store.headPosition()).toBe(1);
    expect((await spans.finished())).toHaveLength(0);
  });
});
