import { ProjectionFailed } from './apply-event';
import { LaneWriteConflict, applyEvents, idsPerRead } from './apply-events';
import { sumCounterFigures } from './counters';
import { createMemoryReadModelStorage } from './memory-read-model-store';
import type { Projection } from './projection';
import type { ReadModelStorage } from './read-model-store.port';
import type { Deal } from './testing/deal-history.fixture';
import { chunks, dealIds, deals, event, history, lane, oneByOne, snapshot } from './testing/deal-history.fixture';

describe('applyEvents: a lane batch in a few store calls, with applyEvent’s results', () => {
  it.each([[[1]], [[7]], [[50]], [[3, 11, 1, 25]], [[200]]])('leaves documents and counters exactly as one event at a time does (batches of %j)', async (sizes) => {
    for (const seed of [1, 2, 3]) {
      const events = history(seed, 120);
      const storage = createMemoryReadModelStorage<Deal>();
      for (const batch of chunks(events, sizes)) await applyEvents(deals, storage, lane, batch);
      expect(await snapshot(storage)).toEqual(await oneByOne(events));
    }
  });

  it('reports each event’s outcome: applied, already applied (older revision), ignored (not concerned)', async () => {
    const storage = createMemoryReadModelStorage<Deal>();
    await applyEvents(deals, storage, lane, [event('deal-1', 0, { amount: 10 }, 0), event('deal-1', 1, { stage: 'won' }, 1)]);
    const outcomes = await applyEvents(deals, storage, lane, [
      event('deal-1', 1, { stage: 'won' }, 1), event('other-1', 0, {}, 2), event('deal-1', 2, { amount: 20 }, 3), event('deal-2', 0, { close: true }, 4),
    ]);
    expect(outcomes).toEqual(['already-applied', 'ignored', 'applied', 'ignored']);
  });

  it('counts nothing twice when a batch is delivered again, even cut at other boundaries', async () => {
    const events = history(9, 80);
    const storage = createMemoryReadModelStorage<Deal>();
    for (const batch of chunks(events.slice(0, 50), [13])) await applyEvents(deals, storage, lane, batch);
    // The uncommitted tail comes again from offset 20, in other batches, then the rest.
    for (const batch of chunks(events.slice(20), [17, 4])) await applyEvents(deals, storage, lane, batch);
    expect(await snapshot(storage)).toEqual(await oneByOne(events));
  });

  it('recovers from a crash after the counters were written and before the documents: the redelivery completes it', async () => {
    const events = history(4, 60);
    const inner = createMemoryReadModelStorage<Deal>();
    let crash = true;
    const crashing: ReadModelStorage<Deal> = {
      ...inner,
      documents: { ...inner.documents, save: (id, d) => (crash ? Promise.reject(new Error('process killed')) : inner.documents.save(id, d)) },
    };
    await applyEvents(deals, inner, lane, events.slice(0, 30));
    await expect(applyEvents(deals, crashing, lane, events.slice(30, 60))).rejects.toThrow('process killed');
    crash = false;
    for (const batch of chunks(events.slice(30), [7])) await applyEvents(deals, crashing, lane, batch);
    expect(await snapshot(inner)).toEqual(await oneByOne(events));
  });

  it('writes nothing when the projection throws for one event: the caller retries one by one to dead-letter it', async () => {
    const storage = createMemoryReadModelStorage<Deal>();
    const batch = [event('deal-1', 0, { amount: 10 }, 0), event('deal-2', 0, { poison: true }, 1)];
    await expect(applyEvents(deals, storage, lane, batch)).rejects.toBeInstanceOf(ProjectionFailed);
    expect((await storage.documents.loadMany(dealIds)).size).toBe(0);
    expect(await storage.counters.find({})).toEqual([]);
  });

  it('refuses to add over another writer that moved a lane counter meanwhile (a rebalance overlap), so the batch is retried', async () => {
    const inner = createMemoryReadModelStorage<Deal>();
    await applyEvents(deals, inner, lane, [event('deal-1', 0, { amount: 10 }, 0)]);
    const racing: ReadModelStorage<Deal> = {
      ...inner,
      counters: {
        ...inner.counters,
        lastSequences: async (ids, laneId) => {
          const read = await inner.counters.lastSequences(ids, laneId);
          // The old owner of the partition writes the next event between this read and the write.
          await inner.counters.increment({ counterId: 'all', keys: { tenantId: 't', stage: '*' }, increments: { count: 0 } }, { id: laneId, sequence: 1 });
          return read;
        },
      },
    };
    await expect(applyEvents(deals, racing, lane, [event('deal-1', 1, { stage: 'won' }, 1)])).rejects.toBeInstanceOf(LaneWriteConflict);
  });

  it('inserts documents new to the store in bulk, and keeps the guard for one a concurrent writer stored meanwhile', async () => {
    const inner = createMemoryReadModelStorage<Deal>();
    const calls: string[] = [];
    let raced = false;
    const racing: ReadModelStorage<Deal> = {
      ...inner,
      documents: {
        ...inner.documents,
        insertAbsent: async (batch) => {
          calls.push(`insertAbsent:${batch.map(([id]) => id).join(',')}`);
          if (!raced) {
            raced = true;
            // Another instance (a rebalance overlap) stores deal-2, further along, between this batch's read and its write.
            await inner.documents.save('deal-2', { streamRevision: 5, stage: 'won', amount: 99 });
          }
          return inner.documents.insertAbsent(batch);
        },
        save: (id, document) => (calls.push(`save:${id}`), inner.documents.save(id, document)),
      },
    };
    const outcomes = await applyEvents(deals, racing, lane, [event('deal-1', 0, { amount: 10 }, 0), event('deal-2', 0, { amount: 20 }, 1), event('deal-1', 1, { stage: 'won' }, 2)]);
    expect(calls).toEqual(['insertAbsent:deal-1,deal-2', 'save:deal-2']);
    expect(outcomes).toEqual(['applied', 'already-applied', 'applied']);
    expect(await inner.documents.load('deal-1')).toEqual({ streamRevision: 1, stage: 'won', amount: 10 });
    expect(await inner.documents.load('deal-2')).toEqual({ streamRevision: 5, stage: 'won', amount: 99 });
  });

  it('reads a big batch in slices of at most idsPerRead ids per store call, each under its own timeout, with the same result', async () => {
    // Two full slices and 30 more deals, each with its own stage counter: more ids than one read may carry, for documents and for counters.
    const count = 2 * idsPerRead + 30;
    const many: Projection<Deal> = { ...deals, counterDeltasOf: (before, after) => (after === null ? [] : [{ counterId: `deal-${after.amount}`, keys: { tenantId: 't', stage: 'per-deal' }, increments: { count: before === null ? 1 : 0 } }]) };
    const inner = createMemoryReadModelStorage<Deal>();
    const reads: number[] = [];
    const counted: ReadModelStorage<Deal> = {
      ...inner,
      documents: { ...inner.documents, loadMany: (ids) => (reads.push(ids.length), inner.documents.loadMany(ids)) },
      counters: { ...inner.counters, lastSequences: (ids, laneId) => (reads.push(ids.length), inner.counters.lastSequences(ids, laneId)) },
    };
    const opened = Array.from({ length: count }, (_, n) => event(`deal-${n}`, 0, { amount: n }, n));
    await applyEvents(many, counted, lane, opened);
    expect(reads).toEqual([idsPerRead, idsPerRead, 30, idsPerRead, idsPerRead, 30]);

    reads.length = 0;
    const moved = Array.from({ length: count }, (_, n) => event(`deal-${n}`, 1, { stage: 'won' }, count + n));
    await applyEvents(many, counted, lane, moved);
    const documents = await inner.documents.loadMany(opened.map(({ event: e }) => e.streamId));
    expect(documents.size).toBe(count);
    expect([...documents.values()].every((deal) => deal.stage === 'won' && deal.streamRevision === 1)).toBe(true);
    expect(sumCounterFigures(await inner.counters.find({ equals: { stage: 'per-deal' } }))).toEqual({ count });
    expect(reads.every((n) => n <= idsPerRead)).toBe(true);
  });
});
