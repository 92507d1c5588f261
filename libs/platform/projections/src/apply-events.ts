import type { ConsumedEvent } from '@meridian/platform/kafka';
import type { ApplyOutcome } from './apply-event';
import { ProjectionFailed } from './apply-event';
import type { CounterDelta } from './counters';
import type { ProjectedDocument, Projection } from './projection';
import { stepOf } from './projection';
import type { ReadModelStorage } from './read-model-store.port';
import { inFlightAtMost } from './in-flight-at-most';

/** Another writer moved a lane's counter between this batch's read and its write (a rebalance overlap): retry the batch. */
export class LaneWriteConflict extends Error {
  override readonly name = 'LaneWriteConflict';
}

/** One event of a batch with its sequence on the batch's lane. */
export type BatchEvent = Readonly<{ event: ConsumedEvent; sequence: number }>;

const pure = <T>(compute: () => T): T => {
  try {
    return compute();
  } catch (error) {
    throw new ProjectionFailed(error);
  }
};

const writesInFlight = 4;
/** Documents per bulk insert (insertAbsent). */
export const documentsPerInsert = 500;

/**
 * Reads go in slices of at most this many ids, each its own store call: every
 * call has its own breaker timeout, which one read of a whole batch's ids
 * could outlast on a slow store, and a read that times out is retried for
 * ever. Each slice is one `_id $in` query (find-by-ids.ts).
 */
export const idsPerRead = 200;

export const readInSlices = async <V>(ids: readonly string[], read: (slice: string[]) => Promise<ReadonlyMap<string, V>>): Promise<Map<string, V>> => {
  const found = new Map<string, V>();
  for (let from = 0; from < ids.length; from += idsPerRead) {
    for (const [id, value] of await read(ids.slice(from, from + idsPerRead))) found.set(id, value);
  }
  return found;
};

type CounterContribution = { keys: CounterDelta['keys']; parts: { sequence: number; increments: CounterDelta['increments'] }[] };

/** The increments of the parts after `after` (all of them when the lane has none yet), summed, with the last sequence. */
const sumAfter = (contribution: CounterContribution, after: number | undefined) => {
  const increments: Record<string, number> = {};
  let last: number | undefined;
  for (const part of contribution.parts) {
    if (after !== undefined && part.sequence <= after) continue;
    for (const [field, value] of Object.entries(part.increments)) increments[field] = (increments[field] ?? 0) + value;
    last = part.sequence;
  }
  return last === undefined ? undefined : { increments, last };
};

/**
 * A batch of events from one lane (a partition's fetch, a page of the store
 * feed), in lane order, into one read-model generation with a handful of
 * store calls instead of several per event: load every document concerned at
 * once, fold the events in memory exactly as `applyEvent` would one by one,
 * then write each counter once and each changed document once: new ones in
 * bulk inserts, the others with their guard.
 *
 * The guarantees are `applyEvent`'s, batch for batch:
 * - counters before documents, so a crash in between leaves documents behind
 *   and the redelivered batch recomputes the same deltas from them;
 * - each counter's lane document records the last sequence it applied, and
 *   only the parts after it are added, in one write that succeeds only if the
 *   document is still where it was read (else `LaneWriteConflict`: retried);
 *   a redelivered batch cut at other boundaries still counts nothing twice;
 * - documents are written with their revision guard: a newer stored one wins
 *   and the events that built the refused one report `already-applied`.
 *
 * Errors of the projection's own code come out as `ProjectionFailed` before
 * anything is written: the caller falls back to one event at a time to
 * dead-letter the culprit alone.
 */
export const applyEvents = async <TDocument extends ProjectedDocument>(
  projection: Projection<TDocument>,
  storage: ReadModelStorage<TDocument>,
  laneId: string,
  batch: readonly BatchEvent[],
): Promise<ApplyOutcome[]> => {
  const ids = batch.map(({ event }) => pure(() => projection.documentIdOf(event)));
  const concerned = [...new Set(ids.filter((id): id is string => id !== undefined))];
  const stored = await readInSlices(concerned, (slice) => storage.documents.loadMany(slice));

  const current = new Map<string, TDocument | null>(concerned.map((id) => [id, stored.get(id) ?? null]));
  const outcomes: ApplyOutcome[] = [];
  const changedBy = new Map<string, number[]>();
  const removedAt = new Map<string, number>();
  const counters = new Map<string, CounterContribution>();

  batch.forEach(({ event, sequence }, index) => {
    const id = ids[index];
    if (id === undefined) return void outcomes.push('ignored');
    const before = current.get(id) ?? null;
    const step = pure(() => stepOf(projection, before, event));
    if (step.kind === 'ignore') return void outcomes.push(step.reason === 'already-applied' ? 'already-applied' : 'ignored');
    const after = step.kind === 'write' ? step.document : null;
    for (const delta of pure(() => projection.counterDeltasOf?.(before, after) ?? [])) {
      const contribution = counters.get(delta.counterId) ?? { keys: delta.keys, parts: [] };
      contribution.parts.push({ sequence, increments: delta.increments });
      counters.set(delta.counterId, contribution);
    }
    current.set(id, after);
    if (after === null) removedAt.set(id, event.streamRevision);
    changedBy.set(id, [...(changedBy.get(id) ?? []), index]);
    outcomes.push('applied');
  });

  if (counters.size > 0) {
    const applied = await readInSlices([...counters.keys()], (slice) => storage.counters.lastSequences(slice, laneId));
    await inFlightAtMost(writesInFlight, [...counters], async ([counterId, contribution]) => {
      const after = applied.get(counterId);
      const sum = sumAfter(contribution, after);
      if (sum === undefined) return;
      const written = await storage.counters.incrementAfter({ counterId, keys: contribution.keys, increments: sum.increments }, { id: laneId, sequence: sum.last }, after);
      if (written === 'stale') throw new LaneWriteConflict(`${projection.readModel}: counter ${counterId} on ${laneId} moved while this batch was applied`);
    });
  }

  // Documents nobody had stored when the batch read them go in with bulk inserts; one a concurrent writer stored meanwhile comes back and is saved with the guard.
  const fresh = [...changedBy.keys()].filter((id) => !stored.has(id) && current.get(id) != null).map((id) => [id, current.get(id) as TDocument] as const);
  const inserts = Array.from({ length: Math.ceil(fresh.length / documentsPerInsert) }, (_, n) => fresh.slice(n * documentsPerInsert, (n + 1) * documentsPerInsert));
  const present = new Set<string>();
  await inFlightAtMost(writesInFlight, inserts, async (chunk) => {
    for (const id of await storage.documents.insertAbsent(chunk)) present.add(id);
  });
  const guarded = [...changedBy].filter(([id]) => stored.has(id) || present.has(id));
  await inFlightAtMost(writesInFlight, guarded, async ([id, indexes]) => {
    const final = current.get(id) ?? null;
    const written = final === null ? await storage.documents.remove(id, removedAt.get(id) ?? 0) : await storage.documents.save(id, final);
    if (written === 'stale') for (const index of indexes) outcomes[index] = 'already-applied';
  });
  return outcomes;
};
