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
import { appendBatchJson, eventColumns, sqlExpectedRevision, toRecordedEvent, toStoredRefs, toStreamRevision } from './sql-event-rows';
import { migrateEventStoreSchema, settledHorizon } from './sql-event-store.schema';
import type { SqlExecutor, SqlRow } from './sql-executor';
import { isUniqueViolation } from './sql-executor';

/** 'any' / 'stream_exists' appends retry after losing a race; this bounds a pathological hot stream. */
const maxAppendAttempts = 100;

/**
 * The event-store port over SQL, shared by PostgreSQL and the embedded PGlite.
 * Appends are optimistic: check, then insert, in one statement
 * (events_append), and let the unique constraints arbitrate races. The
 * feed's no-skip guarantee is explained in sql-event-store.schema.ts.
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
    if (events.length === 0) return this.currentResult(streamId, expectedRevision);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.tryAppend(streamId, events, expectedRevision);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // A concurrent append committed the same event id or stream revision
        // first. The next attempt sees the committed state: it returns the
        // original result for a retried batch, throws WrongExpectedRevision
        // with the actual revision for a pinned expectation, or tries again
        // for 'any' / 'stream_exists'.
        if (attempt >= maxAppendAttempts) {
          const [row] = await this.db.query(streamHeadSql, [streamId]);
          throw new WrongExpectedRevision(streamId, expectedRevision, toStreamRevision(row?.revision));
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

  /** One statement, its own transaction: events_append (sql-event-store.schema.ts) does the checks and the insert. */
  private async tryAppend(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const [row] = await this.db.query<AppendRow>(
      'SELECT outcome, actual_revision, stored, last_position FROM events_append($1, $2, $3::text::jsonb)',
      [streamId, sqlExpectedRevision(expected), appendBatchJson(events)],
    );
    const actual = toStreamRevision(row.actual_revision);
    if (row.outcome === 'conflict') throw new WrongExpectedRevision(streamId, expected, actual);
    if (row.outcome === 'stored') {
      const replay = replayedAppendResult(streamId, events, toStoredRefs(row.stored as SqlRow[]));
      if (replay) return replay;
      throw new Error(`Stream ${streamId}: events_append reported stored events but returned none`);
    }
    const firstRevision = actual === 'no_stream' ? 0 : actual + 1;
    return { nextExpectedRevision: firstRevision + events.length - 1, lastPosition: Number(row.last_position), replayed: false };
  }

  /** An empty append stores nothing: it checks the expectation and reports the stream's head. */
  private async currentResult(streamId: string, expected: ExpectedRevision): Promise<AppendResult> {
    const [head] = await this.db.query(streamHeadSql, [streamId]);
    const actual = toStreamRevision(head?.revision);
    assertExpectedRevision(streamId, expected, actual);
    return actual === 'no_stream'
      ? { nextExpectedRevision: -1, lastPosition: 0, replayed: false }
      : { nextExpectedRevision: actual, lastPosition: Number(head.global_position), replayed: false };
  }
}

type AppendRow = Readonly<{ outcome: 'appended' | 'stored' | 'conflict'; actual_revision: unknown; stored: unknown; last_position: unknown }>;

const streamHeadSql = 'SELECT revision, global_position FROM events WHERE stream_id = $1 ORDER BY revision DESC LIMIT 1';
