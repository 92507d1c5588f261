import { randomUUID } from 'node:crypto';
import type { NewEvent, RecordedEvent } from '@meridian/platform/eventsourcing';
import { EsdbCheckpointStore } from './esdb-checkpoint-store';
import { EsdbEventStore } from './esdb-event-store';
import { FakeEsdbClient } from './testing/fake-esdb-client';

const newEvent = (index: number): NewEvent => ({
  eventId: randomUUID(),
  type: 'ThingHappened',
  data: { index },
  metadata: { tenantId: 't', actorId: 'a', correlationId: 'c', causationId: 'k', schemaVersion: 1, occurredAt: '2026-01-02T03:04:05.000Z' },
});
const ids = (events: readonly { eventId: string }[]) => events.map((event) => event.eventId);
const positions = (events: readonly RecordedEvent[]) => events.map((event) => event.globalPosition);

describe('EsdbEventStore feed (over a fake with the server semantics)', () => {
  let fake: FakeEsdbClient;
  let store: EsdbEventStore;
  /** Appends one event to each of the given streams, in order, and returns them as recorded. */
  const appendTo = async (...streams: string[]): Promise<RecordedEvent[]> => {
    for (const [index, stream] of streams.entries()) await store.appendToStream(stream, [newEvent(index)], 'any');
    return (await store.readAll({ after: 0, maxCount: 1_000 })).slice(-streams.length);
  };

  beforeEach(() => {
    fake = new FakeEsdbClient();
    store = new EsdbEventStore(fake);
  });

  it('starts empty although the node holds system events', async () => {
    expect(await store.headPosition()).toBe(0);
    expect(await store.readAll({ after: 0, maxCount: 10 })).toEqual([]);
  });

  it('pages through every event once, in position order, the checkpoint exclusive', async () => {
    const appended = await appendTo('order-1', 'order-2', 'order-1', 'invoice-9', 'order-2');

    const first = await store.readAll({ after: 0, maxCount: 2 });
    const second = await store.readAll({ after: first[1].globalPosition, maxCount: 2 });
    const third = await store.readAll({ after: second[1].globalPosition, maxCount: 2 });

    expect([...first, ...second, ...third]).toEqual(appended);
    expect(third).toHaveLength(1);
    expect(positions(appended)).toEqual([...positions(appended)].sort((a, b) => a - b));
    expect(await store.readAll({ after: third[0].globalPosition, maxCount: 2 })).toEqual([]);
  });

  it('returns the same envelope as reading the stream', async () => {
    await appendTo('order-1', 'order-2', 'order-1');
    const feed = await store.readAll({ after: 0, maxCount: 10 });
    expect(feed.filter((event) => event.streamId === 'order-1')).toEqual(await store.readStream('order-1'));
  });

  it('leaves out system streams, stream metadata and checkpoint streams, in the feed and in the head', async () => {
    const [mine] = await appendTo('order-1');
    await new EsdbCheckpointStore(fake).save('relay', mine.globalPosition);

    expect(ids(await store.readAll({ after: 0, maxCount: 10 }))).toEqual([mine.eventId]);
    expect(await store.headPosition()).toBe(mine.globalPosition);
  });

  it('reads from a checkpoint that is not an event position (the server refuses to start mid-record)', async () => {
    const appended = await appendTo('order-1', 'order-2', 'order-3');
    const last = appended[2].globalPosition;

    expect(await store.readAll({ after: last - 1, maxCount: 10 })).toEqual([appended[2]]);
    expect(await store.readAll({ after: appended[0].globalPosition + 1, maxCount: 1 })).toEqual([appended[1]]);
    expect(await store.readAll({ after: 1, maxCount: 10 })).toEqual(appended);
    expect(await store.readAll({ after: last + 1, maxCount: 10 })).toEqual([]);
  });

  it('reports the head as the last position the feed can return', async () => {
    const appended = await appendTo('order-1', 'order-2');
    expect(await store.headPosition()).toBe(appended[1].globalPosition);
  });

  it('with feed categories, keeps only those categories in the feed; streams still read directly', async () => {
    const only = new EsdbEventStore(fake, { feedCategories: ['order'] });
    await appendTo('order-1', 'invoice-1', 'order-2');

    expect((await only.readAll({ after: 0, maxCount: 10 })).map((event) => event.streamId)).toEqual(['order-1', 'order-2']);
    expect(await only.readStream('invoice-1')).toHaveLength(1);
  });

  it('reads a slice of a stream and nothing for odd bounds', async () => {
    for (let index = 0; index < 4; index++) await store.appendToStream('order-1', [newEvent(index)], 'any');
    const revisions = async (options: { fromRevision?: number; maxCount?: number }) =>
      (await store.readStream('order-1', options)).map((event) => event.revision);

    expect(await revisions({ fromRevision: 1, maxCount: 2 })).toEqual([1, 2]);
    expect(await revisions({ fromRevision: -3 })).toEqual([0, 1, 2, 3]);
    expect(await revisions({ maxCount: 0 })).toEqual([]);
    expect(await revisions({ fromRevision: 9 })).toEqual([]);
    expect(await store.readAll({ after: 0, maxCount: 0 })).toEqual([]);
    await expect(store.readAll({ after: -1, maxCount: 1 })).rejects.toThrow(RangeError);
  });

  it('refuses every call once closed', async () => {
    await store.close();
    await expect(store.readStream('order-1')).rejects.toThrow(/closed/);
    await expect(store.headPosition()).rejects.toThrow(/closed/);
    await store.close();
  });
});
