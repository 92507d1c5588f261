import type { ConsumedEvent } from '@meridian/platform/kafka';
import type { CounterDelta } from './counters';

/** Every read-model document records the revision of its stream it last applied: the idempotency guard. */
export type ProjectedDocument = Readonly<{ streamRevision: number }>;

/**
 * A read model's logic, pure: which document an event concerns and how it
 * changes it. `evolve` returns the new document, or `null` for "no document"
 * (an event it does not keep, or a deletion). It may throw for an event it
 * cannot apply: the runtime dead-letters that message and moves on.
 */
export type Projection<TDocument extends ProjectedDocument> = Readonly<{
  /** Also the consumer group id and the collection name. */
  readModel: string;
  /** `undefined` when the event does not concern this read model. */
  documentIdOf: (event: ConsumedEvent) => string | undefined;
  evolve: (document: TDocument | null, event: ConsumedEvent) => TDocument | null;
  /**
   * For read models that keep aggregates: the counter increments one change
   * of a document causes, computed from the document before and after (so a
   * change that moves a deal between buckets is a decrement and an increment).
   */
  counterDeltasOf?: (before: TDocument | null, after: TDocument | null) => readonly CounterDelta[];
}>;

export type ProjectionStep<TDocument> =
  | Readonly<{ kind: 'ignore'; reason: 'not-concerned' | 'already-applied' | 'nothing-to-write' }>
  | Readonly<{ kind: 'write'; id: string; document: TDocument }>
  | Readonly<{ kind: 'delete'; id: string }>;

/**
 * What one event does to the read model, decided without I/O. An event whose
 * stream revision the document already has (or passed) changes nothing: that
 * is what makes redelivery and replay harmless. Within a partition a stream's
 * events arrive in order, so "≥" also ignores an older event delivered late.
 */
export const stepOf = <TDocument extends ProjectedDocument>(
  projection: Projection<TDocument>,
  current: TDocument | null,
  event: ConsumedEvent,
): ProjectionStep<TDocument> => {
  const id = projection.documentIdOf(event);
  if (id === undefined) return { kind: 'ignore', reason: 'not-concerned' };
  if (current !== null && current.streamRevision >= event.streamRevision) return { kind: 'ignore', reason: 'already-applied' };
  const next = projection.evolve(current, event);
  if (next === null) return current === null ? { kind: 'ignore', reason: 'nothing-to-write' } : { kind: 'delete', id };
  if (next.streamRevision !== event.streamRevision) {
    throw new Error(`${projection.readModel}: evolve must stamp streamRevision ${event.streamRevision}, got ${next.streamRevision}`);
  }
  return { kind: 'write', id, document: next };
};

/** Folds events in order, as the runtime would: the pure core of given/when/then specs. */
export const projectAll = <TDocument extends ProjectedDocument>(
  projection: Projection<TDocument>,
  events: readonly ConsumedEvent[],
  initial: ReadonlyMap<string, TDocument> = new Map(),
): ReadonlyMap<string, TDocument> => {
  const documents = new Map(initial);
  for (const event of events) {
    const id = projection.documentIdOf(event);
    const step = stepOf(projection, id === undefined ? null : (documents.get(id) ?? null), event);
    if (step.kind === 'write') documents.set(step.id, step.document);
    if (step.kind === 'delete') documents.delete(step.id);
  }
  return documents;
};
