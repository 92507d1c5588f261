import type { ExpectedRevision, NewEvent } from '@meridian/platform/eventsourcing';
import { WrongExpectedRevision } from '@meridian/platform/eventsourcing';
import type { StoreProvider } from './event-store-contract.fixtures';
import {
  expectStrictlyIncreasing,
  fulfilledAndRejected,
  heavyCaseTimeoutMs,
  newEvent,
  range,
  uniqueStreamId,
} from './event-store-contract.fixtures';

const appenders = 20;

export const describeConcurrency = (store: StoreProvider): void => {
  describe('concurrent appenders', () => {
    it(
      `${appenders} appenders racing with the same expected revision: exactly one wins each revision`,
      async () => {
        const streamId = uniqueStreamId();
        const winners: NewEvent[][] = [];
        let expected: ExpectedRevision = 'no_stream';

        for (let round = 0; round < 5; round++) {
          const batches = range(appenders).map((appender) => [
            newEvent('Raced', { round, appender, part: 1 }),
            newEvent('Raced', { round, appender, part: 2 }),
          ]);
          const outcomes = await Promise.allSettled(
            batches.map((batch) => store().appendToStream(streamId, batch, expected)),
          );
          const { fulfilled, rejected } = fulfilledAndRejected(outcomes);

          expect(fulfilled).toHaveLength(1);
          const [winner] = fulfilled;
          expect(winner.value.nextExpectedRevision).toBe(round * 2 + 1);
          expect(rejected).toHaveLength(appenders - 1);
          for (const reason of rejected) {
            expect(reason).toBeInstanceOf(WrongExpectedRevision);
            expect(reason).toMatchObject({ expected, actual: winner.value.nextExpectedRevision });
          }
          winners.push(batches[winner.index]);
          expected = winner.value.nextExpectedRevision;
        }

        const stream = await store().readStream(streamId);
        expect(stream.map((event) => event.revision)).toEqual(range(10));
        expect(stream.map((event) => event.eventId)).toEqual(winners.flat().map((event) => event.eventId));
        expectStrictlyIncreasing(stream.map((event) => event.globalPosition));
      },
      heavyCaseTimeoutMs,
    );

    it(
      `${appenders} concurrent 'any' appenders all land, each at its own revision, without gaps`,
      async () => {
        const streamId = uniqueStreamId();
        const batches = range(appenders).map((appender) => [newEvent('Piled', { appender })]);

        const results = await Promise.all(batches.map((batch) => store().appendToStream(streamId, batch, 'any')));

        expect(results.map((result) => result.nextExpectedRevision).sort((a, b) => a - b)).toEqual(range(appenders));
        const stream = await store().readStream(streamId);
        expect(stream.map((event) => event.revision)).toEqual(range(appenders));
        expect(new Set(stream.map((event) => event.eventId))).toEqual(new Set(batches.flat().map((event) => event.eventId)));
        for (const [index, result] of results.entries()) {
          const stored = stream[result.nextExpectedRevision];
          expect(stored.eventId).toBe(batches[index][0].eventId);
          expect(stored.globalPosition).toBe(result.lastPosition);
        }
        expectStrictlyIncreasing(stream.map((event) => event.globalPosition));
      },
      heavyCaseTimeoutMs,
    );

    it(
      'writers that re-read and retry on conflict build one gap-free stream',
      async () => {
        const streamId = uniqueStreamId();
        const writers = 8;
        const eventsPerWriter = 4;
        const writeOne = async (writer: number, sequence: number): Promise<void> => {
          for (;;) {
            const last = (await store().readStream(streamId)).at(-1);
            try {
              await store().appendToStream(streamId, [newEvent('Written', { writer, sequence })], last ? last.revision : 'no_stream');
              return;
            } catch (error) {
              if (!(error instanceof WrongExpectedRevision)) throw error;
            }
          }
        };

        await Promise.all(
          range(writers).map(async (writer) => {
            for (const sequence of range(eventsPerWriter)) await writeOne(writer, sequence);
          }),
        );

        const stream = await store().readStream(streamId);
        expect(stream.map((event) => event.revision)).toEqual(range(writers * eventsPerWriter));
        for (const writer of range(writers)) {
          const own = stream.filter((event) => (event.data as { writer: number }).writer === writer);
          expect(own.map((event) => (event.data as { sequence: number }).sequence)).toEqual(range(eventsPerWriter));
        }
      },
      heavyCaseTimeoutMs,
    );
  });
};
