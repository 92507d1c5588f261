import type { ConsumedEvent } from '@meridian/platform/kafka';
import type { Projection } from '../projection';
import type { StoreFeed } from '../store-feed';

/** A test read model and a hand-driven store feed, for specs of what consumes a `StoreFeed`. */
export type Counter = Readonly<{ streamRevision: number; total: number }>;

/** Sums `{ add }` payloads per stream plus a grand-total counter; `{ add: -1 }` is a bug in the projection (it throws). */
export const counterProjection: Projection<Counter> = {
  readModel: 'counter',
  documentIdOf: (event) => (event.streamId.startsWith('counter-') ? event.streamId : undefined),
  evolve: (document, event) => {
    const { add } = event.payload as { add: number };
    if (add < 0) throw new RangeError('negative add');
    return { streamRevision: event.streamRevision, total: (document?.total ?? 0) + add };
  },
  counterDeltasOf: (before, after) => [{ counterId: 'grand-total', keys: { tenantId: 't' }, increments: { total: (after?.total ?? 0) - (before?.total ?? 0) } }],
};

export const consumedEvent = (globalPosition: number, streamId: string, streamRevision: number, add: number): ConsumedEvent => ({
  eventId: `e-${globalPosition}`, type: 'test.Added.v1', schemaVersion: 1, streamId, streamRevision, globalPosition, tenantId: 't',
  occurredAt: '2026-01-01T00:00:00Z', correlationId: 'c', causationId: 'k', payload: { add }, partition: 0, offset: String(globalPosition),
});

/** The store in global order: `add` appends an event the feed delivers, `skip` one of another topic (or a dead letter). */
export const fakeStoreFeed = () => {
  const entries: { position: number; event?: ConsumedEvent }[] = [];
  const reads: number[] = [];
  let failNextRead = false;
  const next = () => entries.length + 1;
  const feed: StoreFeed = {
    head: async () => entries.length,
    read: async (after, maxCount) => {
      reads.push(after);
      if (failNextRead) {
        failNextRead = false;
        throw new Error('event store unavailable');
      }
      const page = entries.filter((e) => e.position > after).slice(0, maxCount);
      return { events: page.flatMap((e) => (e.event ? [e.event] : [])), lastPosition: page.at(-1)?.position ?? after };
    },
  };
  return {
    feed,
    reads,
    add: (streamId: string, revision: number, add: number) => void entries.push({ position: next(), event: consumedEvent(next(), streamId, revision, add) }),
    skip: () => void entries.push({ position: next() }),
    failNextRead: () => void (failNextRead = true),
  };
};
