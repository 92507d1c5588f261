import type { EventStore } from '@meridian/platform/eventsourcing';
import { describeAppendAndRead } from './append-and-read.contract';
import { describeConcurrency } from './concurrency.contract';
import { describeExpectedRevision } from './expected-revision.contract';
import { describeGlobalFeed } from './global-feed.contract';
import { describeIdempotency } from './idempotency.contract';

export type EventStoreUnderTest = Readonly<{ store: EventStore; cleanup: () => Promise<void> }>;

/** What an adapter declares it cannot promise; each shows up as a named skipped case, never as a silent pass. */
export type ContractExceptions = Readonly<{
  /** EventStoreDB has no index by event id: a repeated id is only caught within its own stream. */
  eventIdsUniqueAcrossStreams?: false;
}>;

/** Opening a fresh embedded store runs initdb inside WebAssembly: seconds, not milliseconds. */
const openTimeoutMs = 60_000;

/**
 * The one contract every EventStore adapter must pass (see the port's doc
 * comment). `open` is called once for the suite and must return an empty
 * store; cases use their own stream ids and read the feed from the head they
 * saw, so they do not depend on each other.
 */
export const describeEventStoreContract = (name: string, open: () => Promise<EventStoreUnderTest>, exceptions: ContractExceptions = {}): void => {
  describe(`${name}: EventStore contract`, () => {
    let underTest: EventStoreUnderTest | undefined;
    const store = (): EventStore => {
      if (!underTest) throw new Error(`${name}: the store did not open`);
      return underTest.store;
    };

    beforeAll(async () => {
      underTest = await open();
    }, openTimeoutMs);

    afterAll(async () => {
      await underTest?.cleanup();
    }, openTimeoutMs);

    it('starts empty', async () => {
      expect(await store().headPosition()).toBe(0);
      expect(await store().readAll({ after: 0, maxCount: 10 })).toEqual([]);
    });

    describeAppendAndRead(store);
    describeExpectedRevision(store);
    describeConcurrency(store);
    describeGlobalFeed(store);
    describeIdempotency(store, exceptions);
  });
};
