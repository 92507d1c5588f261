import { randomUUID } from 'node:crypto';
import { DeadlineExceededError } from '@kurrent/kurrentdb-client';
import type { EventStore, NewEvent } from '@meridian/platform/eventsourcing';
import { PartialDuplicateAppend, WrongExpectedRevision } from '@meridian/platform/eventsourcing';
import type { EsdbClient } from './esdb-client.port';
import { EsdbEventStore } from './esdb-event-store';
import { toProposedEvent } from './esdb-recorded-event';
import { createEsdbGuard, defaultEsdbResilience, guardEsdbClient } from './esdb-resilience';
import { FakeEsdbClient } from './testing/fake-esdb-client';

const newEvent = (index = 0): NewEvent => ({
  eventId: randomUUID(),
  type: 'ThingHappened',
  data: { index },
  metadata: { tenantId: 't', actorId: 'a', correlationId: 'c', causationId: 'k', schemaVersion: 1, occurredAt: '2026-01-02T03:04:05.000Z' },
});
const newEvents = (count: number): NewEvent[] => Array.from({ length: count }, (_, index) => newEvent(index));
const streamId = () => `order-${randomUUID()}`;
const ids = (events: readonly { eventId: string }[]) => events.map((event) => event.eventId);

describe('EsdbEventStore appends (over a fake with the server semantics)', () => {
  let fake: FakeEsdbClient;
  let store: EventStore;
  beforeEach(() => {
    fake = new FakeEsdbClient();
    store = new EsdbEventStore(fake);
  });

  it('stores the batch under the event ids given and reports the last event, read back', async () => {
    const stream = streamId();
    const batch = newEvents(3);

    const result = await store.appendToStream(stream, batch, 'no_stream');
    const read = await store.readStream(stream);

    expect(ids(read)).toEqual(ids(batch));
    expect(result).toEqual({ nextExpectedRevision: 2, lastPosition: read[2].globalPosition, replayed: false });
    expect(read[0].globalPosition).toBeGreaterThan(0);
    // Byte offsets: increasing, not dense.
    expect(read[1].globalPosition - read[0].globalPosition).toBeGreaterThan(1);
  });

  it('answers a repeat of the batch with the first result, replayed, whatever revision the repeat expects', async () => {
    const stream = streamId();
    const batch = newEvents(2);
    const first = await store.appendToStream(stream, batch, 'no_stream');
    await store.appendToStream(stream, newEvents(1), 1);

    for (const expected of ['no_stream', 1, 2, 7, 'any', 'stream_exists'] as const) {
      expect(await store.appendToStream(stream, batch, expected)).toEqual({ ...first, replayed: true });
    }
    expect(await store.readStream(stream)).toHaveLength(3);
  });

  it('refuses ids already in the stream at the current revision, which the server alone would store twice', async () => {
    const stream = streamId();
    const [a, b, c] = newEvents(3);
    await store.appendToStream(stream, [a, b], 'no_stream');

    await expect(store.appendToStream(stream, [c, b], 1)).rejects.toEqual(new PartialDuplicateAppend(stream, b.eventId));
    expect(ids(await store.readStream(stream))).toEqual(ids([a, b]));
    // What the adapter guards against: the server compares no ids when the expectation is current.
    const proposed = [c, b].map((event) => toProposedEvent(event, { id: 'x', size: 2 }));
    expect(await fake.append(stream, proposed, 1n)).toBe(3n);
  });

  it('stores a batch raced by 10 identical appends once: one appended, nine replayed, one result', async () => {
    const stream = streamId();
    const batch = newEvents(3);

    const results = await Promise.all(Array.from({ length: 10 }, () => store.appendToStream(stream, batch, 'no_stream')));

    expect(results.filter((result) => !result.replayed)).toHaveLength(1);
    const fresh = results.find((result) => !result.replayed);
    for (const result of results) expect(result).toEqual({ ...fresh, replayed: result.replayed });
    expect(ids(await store.readStream(stream))).toEqual(ids(batch));
  });

  it('turns a conflict caused by a racing overlapping batch into PartialDuplicateAppend', async () => {
    const stream = streamId();
    const [a, b, c] = newEvents(3);

    const [won, lost] = await Promise.allSettled([
      store.appendToStream(stream, [a, b], 'no_stream'),
      store.appendToStream(stream, [c, b], 'no_stream'),
    ]);

    expect(won.status).toBe('fulfilled');
    expect(lost).toEqual({ status: 'rejected', reason: new PartialDuplicateAppend(stream, b.eventId) });
  });

  it('maps a conflict to WrongExpectedRevision with the actual revision', async () => {
    const stream = streamId();
    await store.appendToStream(stream, newEvents(2), 'no_stream');

    await expect(store.appendToStream(stream, newEvents(1), 0)).rejects.toEqual(new WrongExpectedRevision(stream, 0, 1));
    await expect(store.appendToStream(stream, newEvents(1), 'no_stream')).rejects.toMatchObject({ actual: 1 });
    await expect(store.appendToStream(streamId(), newEvents(1), 'stream_exists')).rejects.toMatchObject({ actual: 'no_stream' });
  });

  it('refuses a negative expected revision itself: the server would read -1 as "no stream"', async () => {
    const stream = streamId();
    const calls = fake.calls;

    await expect(store.appendToStream(stream, newEvents(1), -1)).rejects.toEqual(new WrongExpectedRevision(stream, -1, 'no_stream'));
    expect(fake.calls - calls).toBe(2); // the duplicate check and the revision it reports; no append
    expect(await store.readStream(stream)).toEqual([]);
  });

  it('appends nothing for no events, still checking the expectation', async () => {
    const stream = streamId();
    expect(await store.appendToStream(stream, [], 'no_stream')).toEqual({ nextExpectedRevision: -1, lastPosition: 0, replayed: false });
    const written = await store.appendToStream(stream, newEvents(2), 'no_stream');

    expect(await store.appendToStream(stream, [], 1)).toEqual(written);
    await expect(store.appendToStream(stream, [], 'no_stream')).rejects.toBeInstanceOf(WrongExpectedRevision);
  });

  it('known gap: ids stored in another stream are not detected (no index by event id in EventStoreDB)', async () => {
    const batch = newEvents(2);
    await store.appendToStream(streamId(), batch, 'no_stream');

    expect((await store.appendToStream(streamId(), batch, 'no_stream')).replayed).toBe(false);
  });
});

describe('EsdbEventStore when the answer to an append is lost', () => {
  /** The write happens, then the client sees a deadline instead of the answer, once. */
  const losingFirstAnswer = (fake: FakeEsdbClient): EsdbClient => {
    let lost = false;
    return {
      readStream: (...args) => fake.readStream(...args),
      readAll: (options) => fake.readAll(options),
      setStreamMaxCount: (...args) => fake.setStreamMaxCount(...args),
      dispose: () => fake.dispose(),
      append: async (...args) => {
        const revision = await fake.append(...args);
        if (lost) return revision;
        lost = true;
        throw new DeadlineExceededError();
      },
    };
  };

  it('retries, and reports the write as its own (not replayed) from the batch stamp', async () => {
    const fake = new FakeEsdbClient();
    const guard = createEsdbGuard('spec', defaultEsdbResilience, { wait: async () => undefined, random: () => 0.5 });
    const store = new EsdbEventStore(guardEsdbClient(losingFirstAnswer(fake), guard));
    const stream = streamId();
    const batch = newEvents(2);

    const result = await store.appendToStream(stream, batch, 'no_stream');

    expect(result).toMatchObject({ nextExpectedRevision: 1, replayed: false });
    expect(ids(await store.readStream(stream))).toEqual(ids(batch));
    expect(await store.appendToStream(stream, batch, 'no_stream')).toEqual({ ...result, replayed: true });
    await store.close();
  });

  it('without retries, the deadline reaches the caller', async () => {
    const store = new EsdbEventStore(losingFirstAnswer(new FakeEsdbClient()));
    await expect(store.appendToStream(streamId(), newEvents(1), 'no_stream')).rejects.toBeInstanceOf(DeadlineExceededError);
  });
});
