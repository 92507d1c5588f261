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
}>;
