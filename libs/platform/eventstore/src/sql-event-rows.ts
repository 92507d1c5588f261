import type { EventMetadata, NewEvent, RecordedEvent } from '@meridian/platform/eventsourcing';
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

const eventParamCount = 8;

/**
 * One multi-row INSERT for the batch. JSON goes in as text cast to jsonb so
 * neither driver re-serialises it; positions and the transaction id come from
 * events_allocate_positions.
 */
export const insertEventsSql = (
  streamId: string,
  events: readonly NewEvent[],
  firstRevision: number,
  positions: readonly number[],
  transactionId: string,
): { sql: string; params: unknown[] } => {
  const params: unknown[] = [];
  const txParam = `$${events.length * eventParamCount + 1}`;
  const rows = events.map((event, index) => {
    params.push(
      String(positions[index]),
      streamId,
      firstRevision + index,
      event.eventId,
      event.type,
      JSON.stringify(event.data ?? null),
      JSON.stringify(event.metadata),
      event.metadata.tenantId,
    );
    const p = (offset: number) => `$${index * eventParamCount + offset}`;
    return `(${p(1)}::bigint, ${p(2)}, ${p(3)}::integer, ${p(4)}::uuid, ${p(5)}, ${p(6)}::text::jsonb, ${p(7)}::text::jsonb, ${p(8)}, ${txParam}::xid8)`;
  });
  params.push(transactionId);
  return {
    sql: `INSERT INTO events (global_position, stream_id, revision, event_id, type, data, metadata, tenant_id, transaction_id)
          VALUES ${rows.join(', ')}`,
    params,
  };
};
