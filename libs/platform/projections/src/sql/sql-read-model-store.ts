import type { SqlQueryable } from '@meridian/platform/eventstore';
import type { ProjectedDocument } from '../projection';
import type { ReadModelStore, StoreCallOptions, WriteOutcome } from '../read-model-store.port';
import { sqlOrderOf, sqlPageOf, sqlWhereOf } from './sql-document-query';

/**
 * A statement cannot be taken back once sent (PGlite runs it in this thread;
 * node-postgres has no per-query cancel here), so a signal is honoured before
 * the call, the way a MongoDB call refused before it was sent is: the call
 * rejects with the signal's reason and nothing changes.
 */
export const refuseIfAborted = (options: StoreCallOptions | undefined): void => options?.signal?.throwIfAborted();

const writtenIf = (rows: readonly unknown[]): WriteOutcome => (rows.length > 0 ? 'written' : 'stale');

type BodyRow = { id: string; body: unknown };

/** JSON text of a document, as JSONB stores it (undefined fields left out, as the MongoDB driver leaves them out). */
const bodyOf = (document: object): string => JSON.stringify(document);

/**
 * One read model's documents in `read_model_documents`. Every write is one
 * statement whose `WHERE` is the revision guard, so a replayed or concurrent
 * write never moves a document backwards and needs no transaction.
 */
export const createSqlReadModelStore = <TDocument extends ProjectedDocument>(db: SqlQueryable, readModel: string): ReadModelStore<TDocument> => ({
  load: async (id, options) => {
    refuseIfAborted(options);
    const rows = await db.query<BodyRow>('SELECT body FROM read_model_documents WHERE read_model = $1 AND id = $2', [readModel, id]);
    return rows.length === 0 ? null : (rows[0].body as TDocument);
  },
  loadMany: async (ids, options) => {
    refuseIfAborted(options);
    if (ids.length === 0) return new Map();
    const rows = await db.query<BodyRow>(
      'SELECT id, body FROM read_model_documents WHERE read_model = $1 AND id IN (SELECT jsonb_array_elements_text($2::jsonb))',
      [readModel, JSON.stringify(ids)],
    );
    return new Map(rows.map((row) => [row.id, row.body as TDocument]));
  },
  save: async (id, document, options) => {
    refuseIfAborted(options);
    return writtenIf(await db.query(
      `INSERT INTO read_model_documents (read_model, id, revision, body) VALUES ($1, $2, $3, $4::jsonb)
       ON CONFLICT (read_model, id) DO UPDATE SET revision = excluded.revision, body = excluded.body
       WHERE read_model_documents.revision < excluded.revision
       RETURNING 1`,
      [readModel, id, document.streamRevision, bodyOf(document)],
    ));
  },
  insertAbsent: async (documents, options) => {
    refuseIfAborted(options);
    if (documents.length === 0) return [];
    const rows = await db.query<{ id: string }>(
      `INSERT INTO read_model_documents (read_model, id, revision, body)
       SELECT $1, item ->> 'id', (item ->> 'revision')::bigint, item -> 'body' FROM jsonb_array_elements($2::jsonb) AS item
       ON CONFLICT (read_model, id) DO NOTHING
       RETURNING id`,
      [readModel, `[${documents.map(([id, document]) => `{"id":${JSON.stringify(id)},"revision":${document.streamRevision},"body":${bodyOf(document)}}`).join(',')}]`],
    );
    const inserted = new Set(rows.map((row) => row.id));
    return documents.map(([id]) => id).filter((id) => !inserted.has(id));
  },
  remove: async (id, revision, options) => {
    refuseIfAborted(options);
    return writtenIf(await db.query('DELETE FROM read_model_documents WHERE read_model = $1 AND id = $2 AND revision < $3 RETURNING 1', [readModel, id, revision]));
  },
  find: async (query, options) => {
    refuseIfAborted(options);
    const where = sqlWhereOf('body', query, 'read_model = $1', [readModel]);
    const order = sqlOrderOf('body', query, where.params);
    const page = sqlPageOf(query, order.params);
    const rows = await db.query<BodyRow>(`SELECT body FROM read_model_documents WHERE ${where.sql}${order.sql}${page.sql}`, page.params);
    return rows.map((row) => row.body as TDocument);
  },
});
