import type { RecordedEvent } from '@meridian/platform/eventsourcing';
import type { StoreProvider } from './event-store-contract.fixtures';
import {
  expectStrictlyIncreasing,
  headReaching,
  heavyCaseTimeoutMs,
  newEvent,
  newEvents,
  range,
  readFeedUntil,
  uniqueStreamId,
} from './event-store-contract.fixtures';

const idsOf = (events: readonly RecordedEvent[]): string[] => events.map((event) => event.eventId);

export const describeGlobalFeed = (store: StoreProvider): void => {
  describe('global feed', () => {
    it('reads every event across streams once, in position order, page by page from a checkpoint', async () => {
      const checkpoint = await store().headPosition();
      const streams = [uniqueStreamId(), uniqueStreamId(), uniqueStreamId()];
      const appended: string[] = [];
      let lastPosition = 0;
      for (const round of range(4)) {
        for (const [index, streamId] of streams.entries()) {
          const batch = [newEvent('Fed', { round, index }), newEvent('Fed', { round, index, second: true })];
          const result = await store().appendToStream(streamId, batch, round === 0 ? 'no_stream' : round * 2 - 1);
          appended.push(...batch.map((event) => event.eventId));
          lastPosition = result.lastPosition;
        }
      }

      const { events, pages } = await readFeedUntil(store(), { after: checkpoint, lastPosition, pageSize: 5 });

      expect(pages).toBeGreaterThanOrEqual(Math.ceil(appended.length / 5));
      expectStrictlyIncreasing(events.map((event) => event.globalPosition));
      expect(idsOf(events.filter((event) => streams.includes(event.streamId)))).toEqual(appended);
      expect(events.at(-1)?.globalPosition).toBe(lastPosition);
      expect(await store().readAll({ after: lastPosition, maxCount: 10 })).toEqual([]);
    });

    it('returns the same envelope as reading the stream', async () => {
      const streamId = uniqueStreamId();
      const checkpoint = await store().headPosition();
      const { lastPosition } = await store().appendToStream(streamId, newEvents(2), 'no_stream');

      const { events } = await readFeedUntil(store(), { after: checkpoint, lastPosition, pageSize: 100 });

      expect(events.filter((event) => event.streamId === streamId)).toEqual(await store().readStream(streamId));
    });

    it('reports the head as the last position the feed can return', async () => {
      const { lastPosition } = await store().appendToStream(uniqueStreamId(), newEvents(3), 'no_stream');

      expect(await headReaching(store(), lastPosition)).toBe(lastPosition);
      const [last] = await store().readAll({ after: lastPosition - 1, maxCount: 10 });
      expect(last.globalPosition).toBe(lastPosition);
    });

    it(
      'interleaved concurrent appends to many streams reach the feed exactly once each, in order',
      async () => {
        const checkpoint = await store().headPosition();
        const streams = range(20).map(() => uniqueStreamId('feed'));
        const batches = streams.map(() => newEvents(2, 'Concurrent'));

        const results = await Promise.all(
          streams.map((streamId, index) => store().appendToStream(streamId, batches[index], 'no_stream')),
        );
        const lastPosition = Math.max(...results.map((result) => result.lastPosition));
        const { events } = await readFeedUntil(store(), { after: checkpoint, lastPosition, pageSize: 7 });

        expectStrictlyIncreasing(events.map((event) => event.globalPosition));
        const ours = events.filter((event) => streams.includes(event.streamId));
        expect(new Set(idsOf(ours))).toEqual(new Set(batches.flat().map((event) => event.eventId)));
        expect(ours).toHaveLength(40);
        for (const [index, streamId] of streams.entries()) {
          const inStream = ours.filter((event) => event.streamId === streamId);
          expect(inStream.map((event) => event.revision)).toEqual([0, 1]);
          expect(inStream[1].globalPosition).toBe(results[index].lastPosition);
        }
      },
      heavyCaseTimeoutMs,
    );
  });
};
