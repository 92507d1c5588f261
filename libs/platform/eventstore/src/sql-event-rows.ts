import type { EventMetadata, ExpectedRevision, NewEvent, RecordedEvent } from '@meridian/platform/eventsourcing';
import type { StoredEventRef, StreamRevision } from '@meridian/platform/eventsourcing';
import type { SqlRow } from './sql-executor';

/**
 * Mapping between the `events` table and the port's types. Drivers differ in
 * how they hand back bigint (node-postgres: string; PGlite: number or bigint),
 * so numbers are normalised here and timestamps arrive as ISO text.
 */

/** recorded_at is formatted by the database exactly as Date#toISOString would (UTC, milliseconds). */
export const eventColumns = `global_position, stream_id, revision, event_id::text AS event_id, type, data, metadata,
  to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at`;

export type EventRow = Readonly<{
  global_position: unknown;
  stream_id: string;
  revision: unknown;
  event_id: string;
  type: string;
  data: unknown;
  metadata: unknown;
  recorded_at: string;
}>;

export const toRecordedEvent = (row: EventRow): RecordedEvent => ({
  eventId: row.event_id,
  type: row.type,
  streamId: row.stream_id,
  revision: Number(row.revision),
  globalPosition: Number(row.global_position),
  recordedAt: row.recorded_at,
  data: row.data,
  metadata: row.metadata as EventMetadata,
});

export const toStreamRevision = (maxRevision: unknown): StreamRevision =>
  maxRevision === null || maxRevision === undefined ? 'no_stream' : Number(maxRevision);

export const toStoredRefs = (rows: readonly SqlRow[]): StoredEventRef[] =>
  rows.map((row) => ({
    eventId: String(row.event_id),
    streamId: String(row.stream_id),
    revision: Number(row.revision),
    globalPosition: Number(row.global_position),
    batchId: String(row.transaction_id),
    batchSize: Number(row.batch_size),
  }));

/**
 * The batch as events_append takes it: one JSON array, sent as text and cast
 * to jsonb once, so neither driver re-serialises it. `data` is always present
 * (JSON.stringify would drop an undefined one, and the column is NOT NULL).
 */
export const appendBatchJson = (events: readonly NewEvent[]): string =>
  JSON.stringify(
    events.map((event) => ({
      eventId: event.eventId,
      type: event.type,
      data: event.data ?? null,
      metadata: event.metadata,
    })),
  );

/** How events_append takes an expectation: a revision is tagged, so no other string can pass for one. */
export const sqlExpectedRevision = (expected: ExpectedRevision): string =>
  typeof expected === 'number' ? `revision:${expected}` : expected;
