import type { CounterDelta, CounterFigures } from './counters';
import type { DocumentQuery } from './document-query';
import type { ProjectedDocument } from './projection';

export type WriteOutcome = 'written' | 'stale';

/**
 * Per-call options every store method accepts last, optionally. `signal`
 * aborts the call: an already-aborted signal rejects with its reason before
 * anything is sent; one that fires in flight makes the adapter stop waiting
 * and release what the call holds (see each adapter for how far that reaches).
 * A write aborted after it reached the server may still be applied: the
 * revision and lane guards make its retry harmless. `maxTimeMs` bounds the
 * server-side work of reads where the store supports it.
 */
export type StoreCallOptions = Readonly<{ signal?: AbortSignal; maxTimeMs?: number }>;

/**
 * One read model's documents. Writes are guarded by stream revision in a
 * single-document operation (no transactions needed): a write whose revision
 * the stored document already has or passed is refused as `stale`, so a
 * concurrent or replayed write can never move a document backwards.
 */
export type ReadModelStore<TDocument extends ProjectedDocument> = Readonly<{
  load: (id: string, options?: StoreCallOptions) => Promise<TDocument | null>;
  /** The stored documents of `ids` (absent ones left out), in one call: what a batch starts from. */
  loadMany: (ids: readonly string[], options?: StoreCallOptions) => Promise<Map<string, TDocument>>;
  /** Inserts or replaces the document unless the stored one has a revision ≥ `document.streamRevision`. */
  save: (id: string, document: TDocument, options?: StoreCallOptions) => Promise<WriteOutcome>;
  /**
   * Inserts each document whose id is not stored yet, in as few calls as the
   * store allows, and leaves stored ones untouched: the ids it returns were
   * already there. For filling a fresh generation in bulk, where no guard is
   * needed for a document nobody has written; the caller saves the returned
   * ones with the guard.
   */
  insertAbsent: (documents: ReadonlyArray<readonly [id: string, document: TDocument]>, options?: StoreCallOptions) => Promise<string[]>;
  /** Deletes the document unless the stored one has a revision ≥ `revision`. */
  remove: (id: string, revision: number, options?: StoreCallOptions) => Promise<WriteOutcome>;
  find: (query: DocumentQuery, options?: StoreCallOptions) => Promise<TDocument[]>;
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
  increment: (delta: CounterDelta, lane: DeliveryLane, options?: StoreCallOptions) => Promise<WriteOutcome>;
  /** The last sequence each counter's document for `laneId` applied; counters without one are left out. */
  lastSequences: (counterIds: readonly string[], laneId: string, options?: StoreCallOptions) => Promise<Map<string, number>>;
  /**
   * A batch's increments for one counter: adds them and moves the lane
   * document to `lane.sequence` only if it still is where it was read
   * (`after`, or absent when undefined); `stale` when another writer moved it
   * in between. The caller leaves out what `after` already covers.
   */
  incrementAfter: (delta: CounterDelta, lane: DeliveryLane, after: number | undefined, options?: StoreCallOptions) => Promise<WriteOutcome>;
  /** The figures of every lane document whose keys match; callers sum them. */
  find: (query: DocumentQuery, options?: StoreCallOptions) => Promise<CounterFigures[]>;
  /**
   * The figures of each (counter, lane) document of these counters on these
   * lanes that exists, looked up by id in one call: for a query that can name
   * its counters, where a filter on the keys would scan (FerretDB). Callers sum them.
   */
  figuresOf: (counterIds: readonly string[], laneIds: readonly string[], options?: StoreCallOptions) => Promise<CounterFigures[]>;
}>;

/** How far one lane has been applied: its last sequence and the highest global position seen on it. */
export type LaneMark = Readonly<{ lane: string; sequence: number; position: number }>;

/** Per-lane progress: what read-your-writes waits on and lag is measured from. */
export type ProgressStore = Readonly<{
  /** Moves the lane's mark forward (never back). */
  record: (mark: LaneMark, options?: StoreCallOptions) => Promise<void>;
  marks: (options?: StoreCallOptions) => Promise<LaneMark[]>;
}>;

/** Everything one generation of a read model keeps. */
export type ReadModelStorage<TDocument extends ProjectedDocument> = Readonly<{
  documents: ReadModelStore<TDocument>;
  counters: CounterStore;
  progress: ProgressStore;
}>;
