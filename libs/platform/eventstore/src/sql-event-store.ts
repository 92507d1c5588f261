import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
} from '@meridian/platform/eventsourcing';
import { WrongExpectedRevision } from '@meridian/platform/eventsourcing';
import { assertExpectedRevision, assertValidEventIds, replayedAppendResult } from '@meridian/platform/eventsourcing';
import type { EventRow } from './sql-event-rows';
import { eventColumns, insertEventsSql, toRecordedEvent, toStoredRefs, toStreamRevision } from './sql-event-rows';
import { migrateEventStoreSchema, settledHorizon } from './sql-event-store.schema';
import type { SqlExecutor, SqlQueryable } from './sql-executor';
import { isUniqueViolation } from './sql-executor';

/** 'any' / 'stream_exists' appends retry after losing a race; this bounds a pathological hot stream. */
const maxAppendAttempts = 100;

/**
 * The event-store port over SQL, shared by PostgreSQL and the embedded PGlite.
 * Appends are optimistic: check, then insert, and let the unique constraints
 * arbitrate races. The feed's no-skip guarantee is explained in
 * sql-event-store.schema.ts.
 */
export class SqlEventStore implements EventStore {
  private constructor(private readonly db: SqlExecutor) {}

  /** Creates the schema if missing, then serves the port over `db` (which the store now owns). */
  static async open(db: SqlExecutor): Promise<SqlEventStore> {
    try {
      await migrateEventStoreSchema(db);
    } catch (error) {
      await db.close().catch(() => undefined);
      throw error;
    }
    return new SqlEventStore(db);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<readonly RecordedEvent[]> {
    const rows = await this.db.query<EventRow>(
      `SELECT ${eventColumns} FROM events WHERE stream_id = $1 AND revision >= $2 ORDER BY revision LIMIT $3`,
      [streamId, options.fromRevision ?? 0, options.maxCount ?? null],
    );
    return rows.map(toRecordedEvent);
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    assertValidEventIds(streamId, events);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.withTransaction((tx) => this.tryAppend(tx, streamId, events, expectedRevision));
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // A concurrent append committed the same event id or stream revision
        // first. The next attempt re-reads the committed state: it returns the
        // original result for a retried batch, throws WrongExpectedRevision
        // with the actual revision for a pinned expectation, or tries again
        // for 'any' / 'stream_exists'.
        if (attempt >= maxAppendAttempts) {
          const actual = await this.streamRevision(this.db, streamId);
          throw new WrongExpectedRevision(streamId, expectedRevision, actual);
        }
      }
    }
  }

  async readAll({ after, maxCount }: ReadAllOptions): Promise<readonly RecordedEvent[]> {
    const rows = await this.db.query<EventRow>(
      `SELECT ${eventColumns} FROM events
       WHERE global_position > $1 AND transaction_id < ${settledHorizon}
       ORDER BY global_position LIMIT $2`,
      [after, maxCount],
    );
    return rows.map(toRecordedEvent);
  }

  async headPosition(): Promise<number> {
    const rows = await this.db.query<{ global_position: unknown }>(
      `SELECT global_position FROM events WHERE transaction_id < ${settledHorizon}
       ORDER BY global_position DESC LIMIT 1`,
    );
    return rows.length === 0 ? 0 : Number(rows[0].global_position);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  private async tryAppend(
    tx: SqlQueryable,
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    // Reads only until the allocation below: the transaction must not get an
    // id (any write, or SELECT ... FOR UPDATE, would give it one) before then.
    // The revision is read BEFORE looking for a stored copy of the batch: each
    // READ COMMITTED statement sees a newer snapshot, so if the original of a
    // retried batch commits in between, the second read sees it and we replay
    // instead of reporting the original's own events as a conflict.
    const actual = await this.streamRevision(tx, streamId);
    const replay = await this.findReplay(tx, streamId, events);
    if (replay) return replay;
    assertExpectedRevision(streamId, expectedRevision, actual);
    if (events.length === 0) return this.currentResult(tx, streamId, actual);

    const [allocation] = await tx.query<{ transaction_id: string; positions: unknown[] }>(
      'SELECT transaction_id::text AS transaction_id, positions FROM events_allocate_positions($1)',
      [events.length],
    );
    const firstRevision = actual === 'no_stream' ? 0 : actual + 1;
    const positions = allocation.positions.map(Number);
    const insert = insertEventsSql(streamId, events, firstRevision, positions, allocation.transaction_id);
    await tx.query(insert.sql, insert.params);
    return { nextExpectedRevision: firstRevision + events.length - 1, lastPosition: positions[positions.length - 1], replayed: false };
  }

  private async findReplay(tx: SqlQueryable, streamId: string, events: readonly NewEvent[]) {
    if (events.length === 0) return undefined;
    const ids = events.map((_, index) => `$${index + 1}::uuid`).join(', ');
    const rows = await tx.query(
      `SELECT e.event_id::text AS event_id, e.stream_id, e.revision, e.global_position,
              e.transaction_id::text AS transaction_id,
              (SELECT count(*) FROM events b
                WHERE b.stream_id = e.stream_id AND b.transaction_id = e.transaction_id) AS batch_size
       FROM events e WHERE e.event_id IN (${ids})`,
      events.map((event) => event.eventId),
    );
    return replayedAppendResult(streamId, events, toStoredRefs(rows));
  }

  private async streamRevision(tx: SqlQueryable, streamId: string) {
    const [row] = await tx.query('SELECT max(revision) AS revision FROM events WHERE stream_id = $1', [streamId]);
    return toStreamRevision(row.revision);
  }

  private async currentResult(tx: SqlQueryable, streamId: string, actual: number | 'no_stream'): Promise<AppendResult> {
    if (actual === 'no_stream') return { nextExpectedRevision: -1, lastPosition: 0, replayed: false };
    const [row] = await tx.query('SELECT global_position FROM events WHERE stream_id = $1 AND revision = $2', [
      streamId,
      actual,
    ]);
    return { nextExpectedRevision: actual, lastPosition: Number(row.global_position), replayed: false };
  }
}
