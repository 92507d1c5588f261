import type { SqlExecutor } from './sql-executor';

/**
 * Schema of the SQL event store, identical on PostgreSQL and PGlite, created
 * if missing every time a store opens.
 *
 * ## The global feed never skips a late commit
 *
 * A sequence hands out positions at insert time, but transactions commit in
 * any order. If the append holding position 7 commits after the one holding 8,
 * a reader that already saw 8 and saved it as its checkpoint never reads 7
 * (the sequence-gap problem). We close the gap with transaction ids, as Marten,
 * Message DB and Emmett do:
 *
 * 1. Positions follow transaction-id order. `events_allocate_positions`
 *    takes a store-wide advisory lock, assigns the transaction its id
 *    (`pg_current_xact_id()`), draws one `nextval` per event and unlocks. The
 *    lock is session-level and held for microseconds, not until commit, so
 *    appenders still commit in parallel. Transaction ids are handed out in
 *    increasing order, and two allocations never interleave, so for appends
 *    A and B: xid(A) < xid(B) implies every position of A < every position of B.
 *    The function refuses to run when the transaction already has an id (it
 *    wrote something earlier, or allocated once already): an id taken outside
 *    the lock would break that implication.
 * 2. Readers only return rows with `transaction_id < xmin` of their snapshot,
 *    ordered by position. Every transaction below xmin has finished, so those
 *    rows are final: no further row with an id below xmin can ever appear.
 *
 * Proof sketch: let r be a row a reader returns, so xid(r) < xmin. Any append
 * still in flight at that moment, or started later, has xid >= xmin > xid(r),
 * so by (1) all its positions are greater than r's. Hence every row that can
 * still appear has a position above every position returned so far, and a
 * checkpoint (the last position read) can never pass an in-flight event.
 * A rolled-back append never commits; once it ends, xmin moves past it and the
 * feed continues, so it cannot stall the feed forever.
 *
 * Cost: the feed lags behind the oldest open transaction that has an id, on
 * the whole server (xmin is cluster-wide), including ones that never touch
 * this table. Keep write transactions short. Positions are strictly increasing
 * but not dense: a rolled-back append leaves a hole in the sequence.
 */

/** Advisory-lock keys (two-int form): namespace "MRDN", then purpose. Per database. */
const lockNamespace = 0x4d52444e;
const positionLock = `${lockNamespace}, 1`;
const migrationLock = `${lockNamespace}, 2`;

const statements: readonly string[] = [
  // CREATE ... IF NOT EXISTS is not safe against a concurrent twin; take turns.
  `SELECT pg_advisory_xact_lock(${migrationLock})`,
  `CREATE SEQUENCE IF NOT EXISTS events_global_position_seq AS bigint`,
  // global_position has no default on purpose: positions come only from
  // events_allocate_positions, which keeps them in transaction-id order.
  `CREATE TABLE IF NOT EXISTS events (
    global_position bigint PRIMARY KEY,
    stream_id text NOT NULL,
    revision integer NOT NULL CHECK (revision >= 0),
    event_id uuid NOT NULL,
    type text NOT NULL,
    data jsonb NOT NULL,
    metadata jsonb NOT NULL,
    tenant_id text NOT NULL,
    transaction_id xid8 NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT events_event_id_key UNIQUE (event_id),
    CONSTRAINT events_stream_id_revision_key UNIQUE (stream_id, revision)
  )`,
  `ALTER SEQUENCE events_global_position_seq OWNED BY events.global_position`,
  `CREATE OR REPLACE FUNCTION events_allocate_positions(
     batch_size integer, OUT transaction_id xid8, OUT positions bigint[]
   ) LANGUAGE plpgsql VOLATILE AS $fn$
   BEGIN
     IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
       RAISE EXCEPTION 'events_allocate_positions must be the first write of its transaction, and run once'
         USING ERRCODE = 'invalid_transaction_state';
     END IF;
     positions := '{}';
     BEGIN
       PERFORM pg_advisory_lock(${positionLock});
       transaction_id := pg_current_xact_id();
       FOR i IN 1..batch_size LOOP
         positions := positions || nextval('events_global_position_seq');
       END LOOP;
       PERFORM pg_advisory_unlock(${positionLock});
     EXCEPTION WHEN OTHERS OR query_canceled THEN
       -- A session lock survives rollback; leaking it would block every appender.
       PERFORM pg_advisory_unlock(${positionLock});
       RAISE;
     END;
   END
   $fn$`,
  // The whole append in one statement, so a command costs one round trip and
  // runs as its own short transaction (see "Cost" above). Each statement of a
  // VOLATILE function takes a fresh READ COMMITTED snapshot, which the order
  // below relies on: the revision is read BEFORE looking for a stored copy of
  // the batch, so if the original of a retried batch commits in between, the
  // lookup sees it and the caller replays instead of reporting the original's
  // own events as a conflict. Nothing before the allocation writes, so the
  // transaction gets its id there, under the lock (rule 1 above). A race lost
  // at the INSERT surfaces as a unique violation (23505); the caller then
  // calls again and sees the winner.
  // The expected-revision rule is assertExpectedRevision's, in SQL: `expected`
  // is 'any', 'no_stream', 'stream_exists' or 'revision:<n>' (sqlExpectedRevision),
  // so no other string can pass for a revision.
  // enable_seqscan = off: every statement here is a lookup by a unique or
  // leading index key, for which a scan of the table is never right at a
  // real size. The planner picks one only while the table is young, and
  // PL/pgSQL keeps that plan per connection until an ANALYZE replans it,
  // which autovacuum may not run for minutes while the table grows fast
  // (measured: 3.5 ms per append at 7,500 rows). Planning every call instead
  // (plan_cache_mode = force_custom_plan) also fixed it, but cost 0.15 ms.
  // CREATE OR REPLACE cannot change a function's OUT columns: a change to
  // them needs a DROP FUNCTION here first.
  `CREATE OR REPLACE FUNCTION events_append(
     target_stream text, expected text, batch jsonb,
     OUT outcome text, OUT actual_revision integer, OUT stored jsonb, OUT last_position bigint
   ) LANGUAGE plpgsql VOLATILE SET enable_seqscan = off AS $fn$
   DECLARE
     allocation record;
     batch_size integer := jsonb_array_length(batch);
     -- An array, not a subquery over the batch: "= ANY(array)" is a unique-index lookup,
     -- where a join against jsonb_array_elements may be planned as a scan of the table.
     event_ids uuid[] := ARRAY(SELECT (item->>'eventId')::uuid FROM jsonb_array_elements(batch) AS item);
   BEGIN
     SELECT max(e.revision) INTO actual_revision FROM events e WHERE e.stream_id = target_stream;
     SELECT jsonb_agg(jsonb_build_object(
              'event_id', e.event_id::text, 'stream_id', e.stream_id, 'revision', e.revision,
              'global_position', e.global_position, 'transaction_id', e.transaction_id::text,
              'batch_size', (SELECT count(*) FROM events b
                              WHERE b.stream_id = e.stream_id AND b.transaction_id = e.transaction_id)))
       INTO stored
       FROM events e
      WHERE e.event_id = ANY(event_ids);
     IF stored IS NOT NULL THEN
       outcome := 'stored';
       RETURN;
     END IF;
     IF NOT coalesce(expected = 'any'
                     OR (expected = 'no_stream' AND actual_revision IS NULL)
                     OR (expected = 'stream_exists' AND actual_revision IS NOT NULL)
                     OR expected = 'revision:' || actual_revision, false) THEN
       outcome := 'conflict';
       RETURN;
     END IF;
     SELECT * INTO allocation FROM events_allocate_positions(batch_size);
     INSERT INTO events (global_position, stream_id, revision, event_id, type, data, metadata, tenant_id, transaction_id)
     SELECT allocation.positions[item.ordinal], target_stream, coalesce(actual_revision + 1, 0) + item.ordinal::integer - 1,
            (item.event->>'eventId')::uuid, item.event->>'type', item.event->'data', item.event->'metadata',
            item.event->'metadata'->>'tenantId', allocation.transaction_id
       FROM jsonb_array_elements(batch) WITH ORDINALITY AS item(event, ordinal);
     outcome := 'appended';
     last_position := allocation.positions[batch_size];
   END
   $fn$`,
];

export const migrateEventStoreSchema = (db: SqlExecutor): Promise<void> =>
  db.withTransaction(async (tx) => {
    for (const statement of statements) await tx.query(statement);
  });

/** Rows below this transaction id belong to finished transactions only (see above). */
export const settledHorizon = `(SELECT pg_snapshot_xmin(pg_current_snapshot()))`;
