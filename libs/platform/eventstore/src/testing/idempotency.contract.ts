import { PartialDuplicateAppend } from '@meridian/platform/eventsourcing';
import type { StoreProvider } from './event-store-contract.fixtures';
import type { ContractExceptions } from './event-store.contract';
import { heavyCaseTimeoutMs, newEvents, range, readFeedUntil, uniqueStreamId } from './event-store-contract.fixtures';

export const describeIdempotency = (store: StoreProvider, exceptions: ContractExceptions = {}): void => {
  const expectPartialDuplicate = async (append: Promise<unknown>, streamId: string, eventId: string) => {
    await expect(append).rejects.toBeInstanceOf(PartialDuplicateAppend);
    await expect(append).rejects.toMatchObject({ streamId, eventId });
  };

  describe('idempotent append by event id', () => {
    it('appending the same batch twice returns the first result and stores one copy', async () => {
      const streamId = uniqueStreamId();
      const checkpoint = await store().headPosition();
      const batch = newEvents(2);

      const first = await store().appendToStream(streamId, batch, 'no_stream');
      const again = await store().appendToStream(streamId, batch, 'no_stream');

      expect(first.replayed).toBe(false);
      expect(again).toEqual({ ...first, replayed: true });
      expect((await store().readStream(streamId)).map((event) => event.eventId)).toEqual(batch.map((event) => event.eventId));
      const { events } = await readFeedUntil(store(), { after: checkpoint, lastPosition: first.lastPosition, pageSize: 100 });
      expect(events.filter((event) => event.streamId === streamId)).toHaveLength(2);
    });

    it('a retry returns the original result even after the stream moved on', async () => {
      const streamId = uniqueStreamId();
      const batch = newEvents(2);
      const first = await store().appendToStream(streamId, batch, 'no_stream');
      await store().appendToStream(streamId, newEvents(1), first.nextExpectedRevision);

      expect(await store().appendToStream(streamId, batch, 'no_stream')).toEqual({ ...first, replayed: true });
      expect(await store().appendToStream(streamId, batch, 7)).toEqual({ ...first, replayed: true });
      expect(await store().readStream(streamId)).toHaveLength(3);
    });

    it('a batch overlapping a stored one is refused with PartialDuplicateAppend and stores nothing', async () => {
      const streamId = uniqueStreamId();
      const [a, b, c] = newEvents(3);
      await store().appendToStream(streamId, [a, b], 'no_stream');

      await expectPartialDuplicate(store().appendToStream(streamId, [c, b], 1), streamId, b.eventId);
      await expectPartialDuplicate(store().appendToStream(streamId, [b, c], 1), streamId, b.eventId);
      expect((await store().readStream(streamId)).map((event) => event.eventId)).toEqual([a.eventId, b.eventId]);
    });

    it('a part of a stored batch, or the batch reordered, is not the same batch', async () => {
      const streamId = uniqueStreamId();
      const [a, b] = newEvents(2);
      await store().appendToStream(streamId, [a, b], 'no_stream');

      await expectPartialDuplicate(store().appendToStream(streamId, [a], 'any'), streamId, a.eventId);
      await expectPartialDuplicate(store().appendToStream(streamId, [b, a], 'any'), streamId, b.eventId);
      expect(await store().readStream(streamId)).toHaveLength(2);
    });

    const acrossStreams = exceptions.eventIdsUniqueAcrossStreams === false ? it.skip : it;
    acrossStreams(`event ids stored in another stream are refused${exceptions.eventIdsUniqueAcrossStreams === false ? ' (not promised by this store)' : ''}`, async () => {
      const [original, other] = [uniqueStreamId(), uniqueStreamId()];
      const batch = newEvents(2);
      await store().appendToStream(original, batch, 'no_stream');

      await expectPartialDuplicate(store().appendToStream(other, batch, 'no_stream'), other, batch[0].eventId);
      expect(await store().readStream(other)).toEqual([]);
    });

    it('a batch repeating an event id is refused', async () => {
      const streamId = uniqueStreamId();
      const [a] = newEvents(1);
      await expect(store().appendToStream(streamId, [a, a], 'no_stream')).rejects.toThrow(/appears twice/);
      expect(await store().readStream(streamId)).toEqual([]);
    });

    it('event ids must be UUIDs, stored in lowercase and matched without regard to case', async () => {
      const streamId = uniqueStreamId();
      const [event] = newEvents(1);
      const shouted = { ...event, eventId: event.eventId.toUpperCase() };
      await expect(store().appendToStream(streamId, [{ ...event, eventId: 'not-a-uuid' }], 'no_stream')).rejects.toThrow(
        /not a UUID/,
      );

      const first = await store().appendToStream(streamId, [shouted], 'no_stream');

      expect(await store().appendToStream(streamId, [event], 'no_stream')).toEqual({ ...first, replayed: true });
      expect((await store().readStream(streamId)).map((recorded) => recorded.eventId)).toEqual([event.eventId]);
    });

    it(
      'the same batch raced by 10 concurrent retries is stored once and every retry gets the same result',
      async () => {
        const streamId = uniqueStreamId();
        const batch = newEvents(3);

        const results = await Promise.all(range(10).map(() => store().appendToStream(streamId, batch, 'no_stream')));

        // Exactly one call stored the batch; every other call was answered as a replay of it.
        expect(results.filter((result) => !result.replayed)).toHaveLength(1);
        const fresh = results.find((result) => !result.replayed);
        for (const result of results) expect(result).toEqual({ ...fresh, replayed: result.replayed });
        const stream = await store().readStream(streamId);
        expect(stream.map((event) => event.eventId)).toEqual(batch.map((event) => event.eventId));
        expect(fresh).toEqual({ nextExpectedRevision: 2, lastPosition: stream[2].globalPosition, replayed: false });
      },
      heavyCaseTimeoutMs,
    );
  });
};
