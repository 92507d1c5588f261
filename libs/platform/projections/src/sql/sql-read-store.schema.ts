import type { SqlQueryable } from '@meridian/platform/eventstore';

/**
 * Read models on a SQL engine (PGlite for standalone mode, or PostgreSQL):
 * every read model shares three tables, told apart by `read_model`.
 *
 * - Documents keep their stream revision in a column, so the revision guard
 *   is the `WHERE` of one upsert. `jsonb_path_ops` GIN serves the `@>`
 *   containment that equality, membership and array-element filters become.
 * - Counters are one row per (counter, lane) with the lane's last sequence,
 *   exactly the shape of the MongoDB counter documents.
 * - Progress is one row per lane, only ever moved forward.
 */
const statements = [
  `CREATE TABLE IF NOT EXISTS read_model_documents (
     read_model text NOT NULL,
     id text NOT NULL,
     revision bigint NOT NULL,
     body jsonb NOT NULL,
     PRIMARY KEY (read_model, id))`,
  'CREATE INDEX IF NOT EXISTS read_model_documents_body ON read_model_documents USING gin (body jsonb_path_ops)',
  `CREATE TABLE IF NOT EXISTS read_model_counters (
     read_model text NOT NULL,
     counter_id text NOT NULL,
     lane text NOT NULL,
     keys jsonb NOT NULL,
     last_sequence bigint NOT NULL,
     figures jsonb NOT NULL,
     PRIMARY KEY (read_model, counter_id, lane))`,
  'CREATE INDEX IF NOT EXISTS read_model_counters_keys ON read_model_counters USING gin (keys jsonb_path_ops)',
  `CREATE TABLE IF NOT EXISTS read_model_progress (
     read_model text NOT NULL,
     lane text NOT NULL,
     sequence bigint NOT NULL,
     position bigint NOT NULL,
     PRIMARY KEY (read_model, lane))`,
];

/** Creates the tables if missing; safe to run at every start. */
export const prepareSqlReadStore = async (db: SqlQueryable): Promise<void> => {
  for (const statement of statements) await db.query(statement);
};

/** Removes everything one read model keeps (a reset before it is rebuilt from the history). */
export const dropSqlReadModel = async (db: SqlQueryable, readModel: string): Promise<void> => {
  for (const table of ['read_model_documents', 'read_model_counters', 'read_model_progress']) {
    await db.query(`DELETE FROM ${table} WHERE read_model = $1`, [readModel]);
  }
};
