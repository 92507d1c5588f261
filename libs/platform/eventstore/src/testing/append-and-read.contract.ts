import type { EventMetadata } from '@meridian/platform/eventsourcing';
import type { StoreProvider } from './event-store-contract.fixtures';
import { expectStrictlyIncreasing, newEvent, newEvents, range, uniqueStreamId } from './event-store-contract.fixtures';

export const describeAppendAndRead = (store: StoreProvider): void => {
  describe('append and read', () => {
    it('appends a batch to a new stream and reads back the full envelope', async () => {
      const streamId = uniqueStreamId();
      const batch = newEvents(3);
      const before = Date.now();

      const result = await store().appendToStream(streamId, batch, 'no_stream');
      const read = await store().readStream(streamId);

      expect(read.map(({ eventId, type, streamId: id, revision, data, metadata }) => ({ eventId, type, streamId: id, revision, data, metadata })))
        .toEqual(batch.map((event, revision) => ({ ...event, streamId, revision })));
      expectStrictlyIncreasing(read.map((event) => event.globalPosition));
      expect(read[0].globalPosition).toBeGreaterThan(0);
      expect(result).toEqual({ nextExpectedRevision: 2, lastPosition: read[2].globalPosition, replayed: false });
      for (const event of read) {
        expect(new Date(event.recordedAt).toISOString()).toBe(event.recordedAt);
        expect(Date.parse(event.recordedAt)).toBeGreaterThanOrEqual(before - 60_000);
        expect(Date.parse(event.recordedAt)).toBeLessThanOrEqual(Date.now() + 60_000);
      }
    });

    it('continues the stream at the next revision, after every earlier position', async () => {
      const streamId = uniqueStreamId();
      const first = await store().appendToStream(streamId, newEvents(2), 'no_stream');
      const second = await store().appendToStream(streamId, newEvents(3), first.nextExpectedRevision);

      const read = await store().readStream(streamId);
      expect(read.map((event) => event.revision)).toEqual(range(5));
      expectStrictlyIncreasing(read.map((event) => event.globalPosition));
      expect(second).toEqual({ nextExpectedRevision: 4, lastPosition: read[4].globalPosition, replayed: false });
      expect(second.lastPosition).toBeGreaterThan(first.lastPosition);
    });

    it('reads a slice of a stream with fromRevision and maxCount', async () => {
      const streamId = uniqueStreamId();
      await store().appendToStream(streamId, newEvents(6), 'no_stream');

      const revisions = async (options: { fromRevision?: number; maxCount?: number }) =>
        (await store().readStream(streamId, options)).map((event) => event.revision);
      expect(await revisions({ fromRevision: 2 })).toEqual([2, 3, 4, 5]);
      expect(await revisions({ maxCount: 2 })).toEqual([0, 1]);
      expect(await revisions({ fromRevision: 3, maxCount: 2 })).toEqual([3, 4]);
      expect(await revisions({ fromRevision: 5, maxCount: 10 })).toEqual([5]);
      expect(await revisions({ fromRevision: 6 })).toEqual([]);
    });

    it('reads nothing from a stream that does not exist, and keeps streams apart', async () => {
      const [mine, other] = [uniqueStreamId(), uniqueStreamId()];
      await store().appendToStream(other, newEvents(2), 'no_stream');
      await store().appendToStream(mine, newEvents(1), 'no_stream');

      expect(await store().readStream(uniqueStreamId())).toEqual([]);
      expect((await store().readStream(mine)).map((event) => event.streamId)).toEqual([mine]);
    });

    it('round-trips data and every metadata field exactly', async () => {
      const streamId = uniqueStreamId();
      const metadata: EventMetadata = {
        tenantId: 'tenant-ü',
        actorId: 'user "quoted" \\ back',
        correlationId: 'corr-1',
        causationId: 'cause-1',
        traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
        schemaVersion: 3,
        occurredAt: '2026-03-04T05:06:07.089Z',
        idempotencyKey: 'key-🔑',
        requestHash: 'sha256:abc',
      };
      const data = { text: 'Zürich ✓ 日本', nested: { list: [1, 2.5, -3, null, true], empty: {} }, nothing: null, big: 2 ** 52 };
      const event = newEvent('EverythingRecorded', data, metadata);

      await store().appendToStream(streamId, [event], 'no_stream');
      const [read] = await store().readStream(streamId);

      expect(read.data).toStrictEqual(data);
      expect(read.metadata).toStrictEqual(metadata);
    });

    it('appending no events stores nothing and reports where the stream stands', async () => {
      const streamId = uniqueStreamId();
      expect(await store().appendToStream(streamId, [], 'no_stream')).toEqual({ nextExpectedRevision: -1, lastPosition: 0, replayed: false });
      const written = await store().appendToStream(streamId, newEvents(2), 'no_stream');

      expect(await store().appendToStream(streamId, [], 1)).toEqual(written);
      expect(await store().readStream(streamId)).toHaveLength(2);
    });
  });
};
