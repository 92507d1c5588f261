import type { ConsumedEvent } from '@meridian/platform/kafka';
import { applyEvents } from './apply-events';
import { createHistoryFold } from './history-fold';
import { createMemoryReadModelStorage } from './memory-read-model-store';
import type { ReadModelStorage } from './read-model-store.port';
import { replayFeed } from './replay-feed';
import type { StoreFeed } from './store-feed';
import { storeLane } from './store-feed';
import type { Deal } from './testing/deal-history.fixture';
import { deals, event, history, oneByOne, snapshot } from './testing/deal-history.fixture';

/** A feed over events whose global positions are 1, 2, 3, …. */
const feedOf = (events: readonly ConsumedEvent[]): StoreFeed => ({
  head: async () => events.length,
  read: async (after, maxCount) => {
    const page = events.filter((e) => e.globalPosition > after).slice(0, maxCount);
    return { events: page, lastPosition: page.at(-1)?.globalPosition ?? after };
  },
});

/** The fixture's history renumbered from position 1, as a store feed delivers it. */
const positioned = (seed: number, length: number) =>
  history(seed, length).map(({ event: e }, index) => ({ event: { ...e, globalPosition: index + 1, offset: String(index + 1) }, sequence: index + 1 }));

const noRejections = () => {
  throw new Error('no event should be rejected');
};

const replay = async (storage: ReadModelStorage<Deal>, events: readonly ConsumedEvent[], documentsInMemory: number, pageSize: number, head = events.length) => {
  const fold = createHistoryFold(deals, storage, { documentsInMemory, onRejected: noRejections });
  const reached = await replayFeed(feedOf(events), [fold], { head, pageSize, label: 'test', progress: () => undefined });
  return { reached, result: await fold.finish(reached) };
};

describe('history fold: an empty read model filled from the history in memory, written once per slice', () => {
  it.each([[1, 1], [2, 7], [5, 1000], [1000, 3], [1000, 1000]])(
    'leaves documents and counters exactly as one event at a time does (%i documents in memory, pages of %i)',
    async (documentsInMemory, pageSize) => {
      for (const seed of [1, 2, 3]) {
        const events = positioned(seed, 150);
        const storage = createMemoryReadModelStorage<Deal>();
        await replay(storage, events.map((e) => e.event), documentsInMemory, pageSize);
        expect(await snapshot(storage)).toEqual(await oneByOne(events));
      }
    },
  );

  it('marks the store lane at the head, and the live feed that continues on it counts nothing twice', async () => {
    const events = positioned(5, 120);
    const storage = createMemoryReadModelStorage<Deal>();
    const { reached } = await replay(storage, events.map((e) => e.event), 4, 9, 80);
    expect(reached).toBe(80);
    expect(await storage.progress.marks()).toEqual([{ lane: storeLane, sequence: 80, position: 80 }]);
    // The live feed resumes a little before the mark (a redelivery), then goes on.
    for (let from = 70; from < 120; from += 11) await applyEvents(deals, storage, storeLane, events.slice(from, from + 11));
    expect(await snapshot(storage)).toEqual(await oneByOne(events));
  });

  it('writes each new document once, in bulk, when the whole history fits in memory', async () => {
    const events = positioned(7, 200).map((e) => e.event);
    const inner = createMemoryReadModelStorage<Deal>();
    const calls: string[] = [];
    const counted: ReadModelStorage<Deal> = {
      ...inner,
      documents: {
        ...inner.documents,
        insertAbsent: (batch) => (calls.push(`insertAbsent:${batch.length}`), inner.documents.insertAbsent(batch)),
        save: (id, document) => (calls.push('save'), inner.documents.save(id, document)),
        remove: (id, revision) => (calls.push('remove'), inner.documents.remove(id, revision)),
        loadMany: (ids) => (calls.push('loadMany'), inner.documents.loadMany(ids)),
      },
    };
    const { result } = await replay(counted, events, 1000, 1000);
    const stored = (await snapshot(inner)).documents;
    expect(calls).toEqual([`insertAbsent:${Object.keys(stored).length}`]);
    expect(result.documents).toBe(Object.keys(stored).length);
  });

  it('skips an event the projection rejects, reports it, and applies the rest', async () => {
    const events = [event('deal-1', 0, { amount: 10 }, 1), event('deal-2', 0, { poison: true }, 2), event('deal-1', 1, { stage: 'won' }, 3)].map((e) => e.event);
    const storage = createMemoryReadModelStorage<Deal>();
    const rejected: string[] = [];
    const fold = createHistoryFold(deals, storage, { onRejected: (e, error) => rejected.push(`${e.eventId}: ${error.message}`) });
    await fold.add(events, 3);
    expect(await fold.finish(3)).toEqual({ documents: 1, skipped: 1 });
    expect(rejected).toEqual(['deal-2-0: RangeError: poison']);
    expect(await storage.documents.load('deal-1')).toEqual({ streamRevision: 1, stage: 'won', amount: 10 });
  });

  it('refuses to fill a read model someone else is writing to', async () => {
    const storage = createMemoryReadModelStorage<Deal>();
    await storage.documents.save('deal-1', { streamRevision: 0, stage: 'lead', amount: 1 });
    const fold = createHistoryFold(deals, storage, { onRejected: noRejections });
    await fold.add([event('deal-1', 0, { amount: 10 }, 1).event], 1);
    await expect(fold.finish(1)).rejects.toThrow(/appeared during a history replay/);
  });
});
