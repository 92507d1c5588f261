import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EventMetadata, EventStore, NewEvent, RecordedEvent } from '@meridian/platform/eventsourcing';

/** Hands the current suite's store to the contract groups (opened in beforeAll). */
export type StoreProvider = () => EventStore;

/** Heavier contract cases (many concurrent appenders) get more than Jest's 5 s default. */
export const heavyCaseTimeoutMs = 30_000;

export const uniqueStreamId = (category = 'contract'): string => `${category}-${randomUUID()}`;

export const newEvent = (
  type = 'ThingHappened',
  data: unknown = { value: 1 },
  metadata: Partial<EventMetadata> = {},
): NewEvent => ({
  eventId: randomUUID(),
  type,
  data,
  metadata: {
    tenantId: 'tenant-a',
    actorId: 'user-1',
    correlationId: randomUUID(),
    causationId: randomUUID(),
    schemaVersion: 1,
    occurredAt: '2026-01-02T03:04:05.000Z',
    ...metadata,
  },
});

export const newEvents = (count: number, type = 'ThingHappened'): NewEvent[] =>
  Array.from({ length: count }, (_, index) => newEvent(type, { index }));

/**
 * Reads the global feed from `after` in pages until it has passed `lastPosition`.
 * It polls because a feed that refuses to pass an in-flight transaction may
 * lawfully lag: on a shared PostgreSQL server any open transaction, even in
 * another database, holds it back for a moment.
 */
export const readFeedUntil = async (
  store: EventStore,
  { after, lastPosition, pageSize, timeoutMs = 10_000 }: { after: number; lastPosition: number; pageSize: number; timeoutMs?: number },
): Promise<{ events: RecordedEvent[]; pages: number }> => {
  const deadline = Date.now() + timeoutMs;
  const events: RecordedEvent[] = [];
  let checkpoint = after;
  let pages = 0;
  while (checkpoint < lastPosition) {
    const page = await store.readAll({ after: checkpoint, maxCount: pageSize });
    expect(page.length).toBeLessThanOrEqual(pageSize);
    if (page.length > 0) {
      pages++;
      events.push(...page);
      checkpoint = page[page.length - 1].globalPosition;
    } else if (Date.now() > deadline) {
      throw new Error(`Feed stuck at position ${checkpoint}, expected to reach ${lastPosition} within ${timeoutMs} ms`);
    } else {
      await sleep(20);
    }
  }
  return { events, pages };
};

/** Polls the head until it reaches `position`, then returns it. */
export const headReaching = async (store: EventStore, position: number, timeoutMs = 10_000): Promise<number> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const head = await store.headPosition();
    if (head >= position || Date.now() > deadline) return head;
    await sleep(20);
  }
};

export const expectStrictlyIncreasing = (values: readonly number[]): void => {
  values.slice(1).forEach((value, index) => expect(value).toBeGreaterThan(values[index]));
};

export const fulfilledAndRejected = <T>(outcomes: readonly PromiseSettledResult<T>[]) => ({
  fulfilled: outcomes.flatMap((outcome, index) => (outcome.status === 'fulfilled' ? [{ index, value: outcome.value }] : [])),
  rejected: outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : [])),
});

export const range = (count: number): number[] => Array.from({ length: count }, (_, index) => index);
