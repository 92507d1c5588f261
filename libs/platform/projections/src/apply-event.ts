import type { ConsumedEvent } from '@meridian/platform/kafka';
import { mergeCounterDeltas } from './counters';
import type { ProjectedDocument, Projection } from './projection';
import { stepOf } from './projection';
import type { DeliveryLane, ReadModelStorage } from './read-model-store.port';

/** The read model's own code threw for this event: the event is poison for it, not the store. */
export class ProjectionFailed extends Error {
  override readonly name = 'ProjectionFailed';
  constructor(readonly reason: unknown) {
    super(reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason));
  }
}

export type ApplyOutcome = 'applied' | 'already-applied' | 'ignored';

const pure = <T>(compute: () => T): T => {
  try {
    return compute();
  } catch (error) {
    throw new ProjectionFailed(error);
  }
};

/**
 * One event into one read-model generation, whatever delivered it (a Kafka
 * partition, the store feed of a rebuild or of standalone mode).
 *
 * Order matters for crash safety without transactions: counters first, each
 * guarded by the lane's sequence, then the document, guarded by stream
 * revision. A crash in between leaves the document behind, so the redelivered
 * event computes the same deltas from the same "before", the counter guards
 * skip what was already added, and the document write completes. Once the
 * document is written, a redelivery stops at the revision check.
 *
 * Store errors propagate (the event must be retried); errors of the
 * projection's own code come out as `ProjectionFailed` (dead-letter it).
 */
export const applyEvent = async <TDocument extends ProjectedDocument>(
  projection: Projection<TDocument>,
  storage: ReadModelStorage<TDocument>,
  event: ConsumedEvent,
  lane: DeliveryLane,
): Promise<ApplyOutcome> => {
  const id = pure(() => projection.documentIdOf(event));
  if (id === undefined) return 'ignored';
  const before = await storage.documents.load(id);
  const step = pure(() => stepOf(projection, before, event));
  if (step.kind === 'ignore') return step.reason === 'already-applied' ? 'already-applied' : 'ignored';
  const after = step.kind === 'write' ? step.document : null;
  const deltas = mergeCounterDeltas(pure(() => projection.counterDeltasOf?.(before, after) ?? []));
  // Each counter document has its own lane guard, so they are written together: one round trip, not one per counter.
  await Promise.all(deltas.map((delta) => storage.counters.increment(delta, lane)));
  const written = step.kind === 'write' ? await storage.documents.save(step.id, step.document) : await storage.documents.remove(step.id, event.streamRevision);
  return written === 'written' ? 'applied' : 'already-applied';
};
