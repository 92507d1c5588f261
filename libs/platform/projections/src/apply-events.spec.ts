import type { ConsumedEvent } from '@meridian/platform/kafka';
import { ProjectionFailed, applyEvent } from './apply-event';
import type { BatchEvent } from './apply-events';
import { LaneWriteConflict, applyEvents, idsPerRead } from './apply-events';
import { sumCounterFigures } from './counters';
import { createMemoryReadModelStorage } from './memory-read-model-store';
import type { Projection } from './projection';
import type { ReadModelStorage } from './read-model-store.port';

type Deal = { streamRevision: number; stage: string; amount: number };
type Change = { stage?: string; amount?: number; close?: true; poison?: true };

/** Deals by stage: a document per deal (deleted on close), counters per stage bucket and in total. */
const deals: Projection<Deal> = {
  readModel: 'deals',
  documentIdOf: (event) => (event.streamId.startsWith('deal-') ? event.streamId : undefined),
  evolve: (document, event) => {
    const change = event.payload as Change;
    if (change.poison) throw new RangeError('poison');
    if (change.close) return null;
    return { streamRevision: event.streamRevision, stage: change.stage ?? document?.stage ?? 'lead', amount: change.amount ?? document?.amount ?? 0 };
  },
  counterDeltasOf: (before, after) => {
    const bucket = (deal: Deal | null, sign: number) => (deal === null ? [] : [
      { counterId: `stage-${deal.stage}`, keys: { tenantId: 't', stage: deal.stage }, increments: { count: sign, amount: sign * deal.amount } },
      { counterId: 'all', keys: { tenantId: 't', stage: '*' }, increments: { count: sign, amount: sign * deal.amount } },
    ]);
    return [...bucket(before, -1), ...bucket(after, 1)];
  },
};

const lane = 'crm.deals#0';

const event = (streamId: string, streamRevision: number, change: Change, sequence: number): BatchEvent => ({
  sequence,
  event: {
    eventId: `${streamId}-${streamRevision}`, type: 'test.DealChanged.v1', schemaVersion: 1, streamId, streamRevision, globalPosition: sequence, tenantId: 't',
    occurredAt: '2026-01-01T00:00:00Z', correlationId: 'c', causationId: 'k', payload: change, partition: 0, offset: String(sequence),
  } satisfies ConsumedEvent,
});

/** A seeded random history: deals opened, moved between stages, re-valued, closed and reopened, interleaved. */
const history = (seed: number, length: number): BatchEvent[] => {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const revisions = new Map<string, number>();
  return Array.from({ length }, (_, sequence) => {
    const streamId = `deal-${Math.floor(random() * 6)}`;
    const revision = (revisions.get(streamId) ?? -1) + 1;
    revisions.set(streamId, revision);
    const roll = random();
    const change: Change = roll < 0.15 ? { close: true } : roll < 0.6 ? { stage: ['lead', 'qualified', 'proposal', 'won'][Math.floor(random() * 4)]! } : { amount: Math.floor(random() * 1000) };
    return event(streamId, revision, change, sequence);
  });
};

const chunks = <T>(items: readonly T[], sizes: readonly number[]): T[][] => {
  const out: T[][] = [];
  let at = 0;
  for (let i = 0; at < items.length; i++) {
    const size = sizes[i % sizes.length]!;
    out.push(items.slice(at, at + size));
    at += size;
  }
  return out;
};

const dealIds = Array.from({ length: 6 }, (_, i) => `deal-${i}`);

const snapshot = async (storage: ReadModelStorage<Deal>) => ({
  documents: Object.fromEntries([...(await storage.documents.loadMany(dealIds))].sort(([a], [b]) => a.localeCompare(b))),
  stages: Object.fromEntries(await Promise.all(['lead', 'qualified', 'proposal', 'won', '*'].map(async (stage) => [stage, sumCounterFigures(await storage.counters.find({ equals: { stage } }))]))),
});

const oneByOne = async (events: readonly BatchEvent[]) => {
  const storage = createMemoryReadModelStorage<Deal>();
  for (const { event: e, sequence } of events) await applyEvent(deals, storage, e, { id: lane, sequence });
  return snapshot(storage);
};

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

  it('reads a big batch in slices of at most idsPerRead ids per store call, each under its own timeout, with the same result', async () => {
    // 130 deals, each with its own stage counter: more ids than one read may carry, for documents and for counters.
    const many: Projection<Deal> = { ...deals, counterDeltasOf: (before, after) => (after === null ? [] : [{ counterId: `deal-${after.amount}`, keys: { tenantId: 't', stage: 'per-deal' }, increments: { count: before === null ? 1 : 0 } }]) };
    const inner = createMemoryReadModelStorage<Deal>();
    const reads: number[] = [];
    const counted: ReadModelStorage<Deal> = {
      ...inner,
      documents: { ...inner.documents, loadMany: (ids) => (reads.push(ids.length), inner.documents.loadMany(ids)) },
      counters: { ...inner.counters, lastSequences: (ids, laneId) => (reads.push(ids.length), inner.counters.lastSequences(ids, laneId)) },
    };
    const opened = Array.from({ length: 130 }, (_, n) => event(`deal-${n}`, 0, { amount: n }, n));
    await applyEvents(many, counted, lane, opened);
    expect(reads).toEqual([idsPerRead, idsPerRead, 30, idsPerRead, idsPerRead, 30]);

    reads.length = 0;
    const moved = Array.from({ length: 130 }, (_, n) => event(`deal-${n}`, 1, { stage: 'won' }, 130 + n));
    await applyEvents(many, counted, lane, moved);
    const documents = await inner.documents.loadMany(opened.map(({ event: e }) => e.streamId));
    expect(documents.size).toBe(130);
    expect([...documents.values()].every((deal) => deal.stage === 'won' && deal.streamRevision === 1)).toBe(true);
    expect(sumCounterFigures(await inner.counters.find({ equals: { stage: 'per-deal' } }))).toEqual({ count: 130 });
    expect(reads.every((n) => n <= idsPerRead)).toBe(true);
  });
});
