import type { ConsumedEvent } from '@meridian/platform/kafka';
import { applyEvent } from '../apply-event';
import type { BatchEvent } from '../apply-events';
import { sumCounterFigures } from '../counters';
import { createMemoryReadModelStorage } from '../memory-read-model-store';
import type { Projection } from '../projection';
import type { ReadModelStorage } from '../read-model-store.port';

/*
 * A test read model with documents and counters, and seeded random histories
 * for it: the reference for specs proving a batched or bulk path leaves the
 * store exactly as one event at a time does.
 */
export type Deal = { streamRevision: number; stage: string; amount: number };
export type Change = { stage?: string; amount?: number; close?: true; poison?: true };

/** Deals by stage: a document per deal (deleted on close), counters per stage bucket and in total. */
export const deals: Projection<Deal> = {
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

export const lane = 'crm.deals#0';

export const event = (streamId: string, streamRevision: number, change: Change, sequence: number): BatchEvent => ({
  sequence,
  event: {
    eventId: `${streamId}-${streamRevision}`, type: 'test.DealChanged.v1', schemaVersion: 1, streamId, streamRevision, globalPosition: sequence, tenantId: 't',
    occurredAt: '2026-01-01T00:00:00Z', correlationId: 'c', causationId: 'k', payload: change, partition: 0, offset: String(sequence),
  } satisfies ConsumedEvent,
});

/** A seeded random history: deals opened, moved between stages, re-valued, closed and reopened, interleaved. */
export const history = (seed: number, length: number): BatchEvent[] => {
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

export const chunks = <T>(items: readonly T[], sizes: readonly number[]): T[][] => {
  const out: T[][] = [];
  let at = 0;
  for (let i = 0; at < items.length; i++) {
    const size = sizes[i % sizes.length]!;
    out.push(items.slice(at, at + size));
    at += size;
  }
  return out;
};

export const dealIds = Array.from({ length: 6 }, (_, i) => `deal-${i}`);

export const snapshot = async (storage: ReadModelStorage<Deal>) => ({
  documents: Object.fromEntries([...(await storage.documents.loadMany(dealIds))].sort(([a], [b]) => a.localeCompare(b))),
  stages: Object.fromEntries(await Promise.all(['lead', 'qualified', 'proposal', 'won', '*'].map(async (stage) => [stage, sumCounterFigures(await storage.counters.find({ equals: { stage } }))]))),
});

export const oneByOne = async (events: readonly BatchEvent[]) => {
  const storage = createMemoryReadModelStorage<Deal>();
  for (const { event: e, sequence } of events) await applyEvent(deals, storage, e, { id: lane, sequence });
  return snapshot(storage);
};
