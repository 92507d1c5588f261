import type { ConsumedEvent } from '@meridian/platform/kafka';
import { ProjectionFailed } from './apply-event';
import { documentsPerInsert, idsPerRead } from './apply-events';
import type { CounterDelta } from './counters';
import { inFlightAtMost } from './in-flight-at-most';
import type { ProjectedDocument, Projection } from './projection';
import { stepOf } from './projection';
import type { ReadModelStorage } from './read-model-store.port';
import { storeLane } from './store-feed';

export type HistoryFoldOptions = Readonly<{
  /** Documents held in memory before they are written out: the bound on this fold's memory. */
  documentsInMemory?: number;
  /** An event the projection's own code rejects: skipped (as a dead letter would be), and reported here. */
  onRejected: (event: ConsumedEvent, error: ProjectionFailed) => void;
}>;

/** One read model's share of a history replay (see `replayFeed`). */
export type HistoryFold = Readonly<{
  readModel: string;
  /** Folds one page of the feed, in feed order; `lastPosition` is where the page ends. */
  add: (events: readonly ConsumedEvent[], lastPosition: number) => Promise<void>;
  /** Writes what is still in memory and marks the store lane at `position`. */
  finish: (position: number) => Promise<Readonly<{ documents: number; skipped: number }>>;
}>;

const writesInFlight = 4;

type CounterSum = { keys: CounterDelta['keys']; increments: Record<string, number> };

/**
 * Fills an EMPTY read-model storage from the history, folding in memory and
 * writing each document once per slice instead of once per event: documents
 * nobody has written go in with `insertAbsent`, in chunks; counters are summed
 * in memory and written once each. When more than `documentsInMemory` are
 * held, the slice is written out and the next one starts; a document an
 * earlier slice wrote is loaded back when its stream continues, and saved
 * with its revision guard.
 *
 * The caller guarantees it is the only writer until `finish` (a rebuild's
 * fresh generation before it is activated, standalone mode's first start).
 * Counters use the store lane with the global position as their sequence, so
 * the feed that continues afterwards (applyEvents on the same lane, or Kafka
 * lanes of their own) adds only what came later.
 */
export const createHistoryFold = <TDocument extends ProjectedDocument>(
  projection: Projection<TDocument>,
  storage: ReadModelStorage<TDocument>,
  options: HistoryFoldOptions,
): HistoryFold => {
  const limit = options.documentsInMemory ?? 100_000;
  const held = new Map<string, TDocument | null>();
  const removedAt = new Map<string, number>();
  /** Ids an event changed since they were held (a document loaded back and left alone needs no write). */
  const changed = new Set<string>();
  /** Ids stored by an earlier slice: the only ones worth loading back. */
  const stored = new Set<string>();
  const counters = new Map<string, CounterSum>();
  const counterSequences = new Map<string, number>();
  let skipped = 0;

  const loadStoredBefore = async (ids: readonly (string | undefined)[]) => {
    const wanted = [...new Set(ids.filter((id): id is string => id !== undefined && stored.has(id) && !held.has(id)))];
    for (let from = 0; from < wanted.length; from += idsPerRead) {
      const slice = wanted.slice(from, from + idsPerRead);
      const found = await storage.documents.loadMany(slice);
      for (const id of slice) held.set(id, found.get(id) ?? null);
    }
  };

  const fold = (event: ConsumedEvent, id: string) => {
    const before = held.get(id) ?? null;
    const step = stepOf(projection, before, event);
    if (step.kind === 'ignore') return;
    const after = step.kind === 'write' ? step.document : null;
    for (const delta of projection.counterDeltasOf?.(before, after) ?? []) {
      const sum = counters.get(delta.counterId) ?? { keys: delta.keys, increments: {} };
      for (const [field, value] of Object.entries(delta.increments)) sum.increments[field] = (sum.increments[field] ?? 0) + value;
      counters.set(delta.counterId, sum);
    }
    held.set(id, after);
    changed.add(id);
    if (after === null) removedAt.set(id, event.streamRevision);
  };

  const writeCounters = async (sequence: number) => {
    await inFlightAtMost(writesInFlight, [...counters], async ([counterId, { keys, increments }]) => {
      const after = counterSequences.get(counterId);
      const outcome = await storage.counters.incrementAfter({ counterId, keys, increments }, { id: storeLane, sequence }, after);
      if (outcome === 'stale') throw new Error(`${projection.readModel}: counter ${counterId} was written by someone else during a history replay`);
      counterSequences.set(counterId, sequence);
    });
    counters.clear();
  };

  const writeDocuments = async () => {
    const fresh: Array<readonly [string, TDocument]> = [];
    const again: Array<readonly [string, TDocument | null]> = [];
    for (const [id, document] of held) {
      if (!changed.has(id)) continue;
      if (stored.has(id)) again.push([id, document]);
      else if (document !== null) fresh.push([id, document]);
    }
    const chunks = Array.from({ length: Math.ceil(fresh.length / documentsPerInsert) }, (_, n) => fresh.slice(n * documentsPerInsert, (n + 1) * documentsPerInsert));
    await inFlightAtMost(writesInFlight, chunks, async (chunk) => {
      const present = await storage.documents.insertAbsent(chunk);
      if (present.length > 0) throw new Error(`${projection.readModel}: ${present.length} documents appeared during a history replay (first: ${present[0]})`);
    });
    await inFlightAtMost(writesInFlight, again, async ([id, document]) => {
      if (document === null) {
        await storage.documents.remove(id, removedAt.get(id) ?? 0);
        stored.delete(id);
      } else await storage.documents.save(id, document);
    });
    for (const [id] of fresh) stored.add(id);
    held.clear();
    changed.clear();
    removedAt.clear();
  };

  const writeOut = async (sequence: number) => {
    // Counters first, as everywhere: documents left behind by a crash here are simply rebuilt again.
    await writeCounters(sequence);
    await writeDocuments();
  };

  return {
    readModel: projection.readModel,
    add: async (events, lastPosition) => {
      const ids = events.map((event) => {
        try {
          return projection.documentIdOf(event);
        } catch (error) {
          skipped++;
          options.onRejected(event, new ProjectionFailed(error));
          return undefined;
        }
      });
      await loadStoredBefore(ids);
      events.forEach((event, index) => {
        const id = ids[index];
        if (id === undefined) return;
        try {
          fold(event, id);
        } catch (error) {
          skipped++;
          options.onRejected(event, new ProjectionFailed(error));
        }
      });
      if (held.size >= limit) await writeOut(lastPosition);
    },
    finish: async (position) => {
      await writeOut(position);
      await storage.progress.record({ lane: storeLane, sequence: position, position });
      return { documents: stored.size, skipped };
    },
  };
};
