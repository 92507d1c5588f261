import type { CounterDelta, CounterFigures } from './counters';
import type { DocumentQuery } from './document-query';
import type { ProjectedDocument } from './projection';

export type WriteOutcome = 'written' | 'stale';

/**
 * One read model's documents. Writes are guarded by stream revision in a
 * single-document operation (no transactions needed): a write whose revision
 * the stored document already has or passed is refused as `stale`, so a
 * concurrent or replayed write can never move a document backwards.
 */
export type ReadModelStore<TDocument extends ProjectedDocument> = Readonly<{
  load: (id: string) => Promise<TDocument | null>;
  /** Inserts or replaces the document unless the stored one has a revision ≥ `document.streamRevision`. */
  save: (id: string, document: TDocument) => Promise<WriteOutcome>;
  /** Deletes the document unless the stored one has a revision ≥ `revision`. */
  remove: (id: string, revision: number) => Promise<WriteOutcome>;
  find: (query: DocumentQuery) => Promise<TDocument[]>;
}>;

/**
 * An ordered delivery channel: a Kafka partition (`<topic>#<partition>`,
 * sequence = offset) or the event store's feed (`store`, sequence = global
 * position). Sequences only grow within a lane.
 */
export type DeliveryLane = Readonly<{ id: string; sequence: number }>;

/**
 * Aggregate counters, sharded per lane: one document per (counter, lane),
 * guarded by the lane's sequence in the same single-document update, so an
 * event redelivered on its lane never counts twice. Aggregates fed by many
 * partitions can't use a per-document stream revision: events from different
 * partitions arrive in no global order.
 */
export type CounterStore = Readonly<{
  /** Adds the increments unless this lane's document already applied `lane.sequence` or later. */
  increment: (delta: CounterDelta, lane: DeliveryLane) => Promise<WriteOutcome>;
  /** The figures of every lane document whose keys match; callers sum them. */
  find: (query: DocumentQuery) => Promise<CounterFigures[]>;
}>;

/** How far one lane has been applied: its last sequence and the highest global position seen on it. */
export type LaneMark = Readonly<{ lane: string; sequence: number; position: number }>;

/** Per-lane progress: what read-your-writes waits on and lag is measured from. */
export type ProgressStore = Readonly<{
  /** Moves the lane's mark forward (never back). */
  record: (mark: LaneMark) => Promise<void>;
  marks: () => Promise<LaneMark[]>;
}>;

/** Everything one generation of a read model keeps. */
export type ReadModelStorage<TDocument extends ProjectedDocument> = Readonly<{
  documents: ReadModelStore<TDocument>;
  counters: CounterStore;
  progress: ProgressStore;
}>;
