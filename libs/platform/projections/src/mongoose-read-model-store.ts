import type { Connection, mongo } from 'mongoose';
import type { DocumentQuery } from './document-query';
import { mongoFilterOf } from './document-query';
import type { ProjectedDocument } from './projection';
import type { DriverCallOptions } from './mongo-call-options';
import { readOptionsOf, writeOptionsOf } from './mongo-call-options';
import { findByIds } from './find-by-ids';
import type { ReadModelStore, WriteOutcome } from './read-model-store.port';

type Stored = { _id: string; streamRevision: number } & Record<string, unknown>;

const duplicateKey = 11000;
export const isDuplicateKey = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === duplicateKey;

/** The positions an unordered bulk insert refused as duplicates, or undefined when it failed otherwise. */
const duplicateIndexesOf = (error: unknown): number[] | undefined => {
  // By name, not instanceof: the driver's classes are not loaded where no MongoDB is used.
  if (!(error instanceof Error) || error.name !== 'MongoBulkWriteError') return undefined;
  const { writeErrors } = error as mongo.MongoBulkWriteError;
  const failures = Array.isArray(writeErrors) ? writeErrors : [writeErrors];
  return failures.every((failure) => failure.code === duplicateKey) ? failures.map((failure) => failure.index) : undefined;
};

/**
 * One collection per read model generation, one document per id (`_id`).
 * Only single-document operations, so it runs on FerretDB as on MongoDB.
 *
 * The guard: `replaceOne({ _id, streamRevision: { $lt: r } }, …, { upsert })`.
 * - no document: the filter matches nothing, the upsert inserts;
 * - an older document: replaced;
 * - a document at r or beyond: the filter matches nothing, the upsert tries to
 *   insert an existing `_id` and fails with E11000, which means "stale".
 * Two writers inserting the same new `_id` at once (a rebalance overlap) also
 * meet E11000; the loser retries once without upsert, so a newer revision still wins.
 *
 * Every call takes the caller's AbortSignal down to the driver, and reads a
 * server-side `maxTimeMS` (see mongo-call-options.ts for what each stops).
 */
export const createMongooseReadModelStore = <TDocument extends ProjectedDocument>(
  connection: Connection,
  collectionName: string,
): ReadModelStore<TDocument> => {
  const collection = connection.collection<Stored>(collectionName);
  const olderThan = (id: string, revision: number) => ({ _id: id, streamRevision: { $lt: revision } });

  const replace = async (id: string, document: TDocument, upsert: boolean, driver: DriverCallOptions): Promise<WriteOutcome> => {
    const replacement: Stored = { ...(document as unknown as Record<string, unknown>), _id: id, streamRevision: document.streamRevision };
    const result = await collection.replaceOne(olderThan(id, document.streamRevision), replacement, { ...driver, upsert });
    return result.matchedCount > 0 || result.upsertedCount > 0 ? 'written' : 'stale';
  };

  return {
    load: async (id, options) => {
      const found = await collection.findOne({ _id: id }, { ...readOptionsOf(options), projection: { _id: 0 } });
      return found === null ? null : (found as unknown as TDocument);
    },
    loadMany: async (ids, options) => {
      const found = await findByIds(collection, [...ids], readOptionsOf(options));
      return new Map(found.map((stored) => {
        const { _id, ...document } = stored;
        return [_id, document as unknown as TDocument];
      }));
    },
    save: async (id, document, options) => {
      const driver = writeOptionsOf(options);
      try {
        return await replace(id, document, true, driver);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        return replace(id, document, false, driver);
      }
    },
    insertAbsent: async (documents, options) => {
      if (documents.length === 0) return [];
      const rows = documents.map(([id, document]): Stored => ({ ...(document as unknown as Record<string, unknown>), _id: id, streamRevision: document.streamRevision }));
      try {
        // Unordered: one duplicate does not stop the rest, and every duplicate is reported by its index.
        await collection.insertMany(rows, { ...writeOptionsOf(options), ordered: false });
        return [];
      } catch (error) {
        const indexes = duplicateIndexesOf(error);
        if (indexes === undefined) throw error;
        return indexes.map((index) => documents[index][0]);
      }
    },
    remove: async (id, revision, options) => {
      const result = await collection.deleteOne(olderThan(id, revision), writeOptionsOf(options));
      return result.deletedCount > 0 ? 'written' : 'stale';
    },
    find: async (query: DocumentQuery, options) => {
      let cursor = collection.find(mongoFilterOf(query), { ...readOptionsOf(options), projection: { _id: 0 } });
      if (query.sort !== undefined && query.sort.length > 0) cursor = cursor.sort(query.sort.map(([field, direction]): [string, 1 | -1] => [field, direction]));
      if (query.skip !== undefined && query.skip > 0) cursor = cursor.skip(query.skip);
      if (query.limit !== undefined) cursor = cursor.limit(query.limit);
      return (await cursor.toArray()) as unknown as TDocument[];
    },
  };
};
