import type { SqlQueryable } from '@meridian/platform/eventstore';
import type { CounterFigures } from '../counters';
import type { CounterStore, ProgressStore } from '../read-model-store.port';
import { sqlWhereOf } from './sql-document-query';
import { refuseIfAborted } from './sql-read-model-store';

/** `figures` plus the increments `$n`, field by field, as one JSONB object (MongoDB's `$inc` over flat paths). */
const addedFigures = (figures: string, increments: string) => `(
  SELECT COALESCE(jsonb_object_agg(field, COALESCE((${figures} ->> field)::numeric, 0) + COALESCE((${increments} ->> field)::numeric, 0)), '{}'::jsonb)
  FROM (SELECT jsonb_object_keys(${figures}) UNION SELECT jsonb_object_keys(${increments})) AS fields (field))`;

type FiguresRow = { figures: Record<string, number | string> };

/** PostgreSQL hands back numeric as text in places; figures are integers either way. */
const figuresOf = (row: FiguresRow): CounterFigures => Object.fromEntries(Object.entries(row.figures).map(([field, value]) => [field, Number(value)]));

/**
 * Counters in `read_model_counters`, one row per (counter, lane), guarded by
 * the lane's last sequence in the same statement that adds the increments:
 * as with the MongoDB documents, the guard and the sum can never be split.
 */
export const createSqlCounterStore = (db: SqlQueryable, readModel: string): CounterStore => ({
  increment: async (delta, lane, options) => {
    refuseIfAborted(options);
    const rows = await db.query(
      `INSERT INTO read_model_counters AS counter (read_model, counter_id, lane, keys, last_sequence, figures) VALUES ($1, $2, $3, $4::jsonb, $5, $6::jsonb)
       ON CONFLICT (read_model, counter_id, lane) DO UPDATE SET last_sequence = excluded.last_sequence, figures = ${addedFigures('counter.figures', 'excluded.figures')}
       WHERE counter.last_sequence < excluded.last_sequence
       RETURNING 1`,
      [readModel, delta.counterId, lane.id, JSON.stringify(delta.keys), lane.sequence, JSON.stringify(delta.increments)],
    );
    return rows.length > 0 ? 'written' : 'stale';
  },
  lastSequences: async (counterIds, laneId, options) => {
    refuseIfAborted(options);
    if (counterIds.length === 0) return new Map();
    const rows = await db.query<{ counter_id: string; last_sequence: number | string }>(
      `SELECT counter_id, last_sequence FROM read_model_counters
       WHERE read_model = $1 AND lane = $2 AND counter_id IN (SELECT jsonb_array_elements_text($3::jsonb))`,
      [readModel, laneId, JSON.stringify(counterIds)],
    );
    return new Map(rows.map((row) => [row.counter_id, Number(row.last_sequence)]));
  },
  incrementAfter: async (delta, lane, after, options) => {
    refuseIfAborted(options);
    const rows = after === undefined
      ? await db.query(
        `INSERT INTO read_model_counters (read_model, counter_id, lane, keys, last_sequence, figures) VALUES ($1, $2, $3, $4::jsonb, $5, $6::jsonb)
         ON CONFLICT (read_model, counter_id, lane) DO NOTHING RETURNING 1`,
        [readModel, delta.counterId, lane.id, JSON.stringify(delta.keys), lane.sequence, JSON.stringify(delta.increments)],
      )
      : await db.query(
        `UPDATE read_model_counters SET last_sequence = $4, figures = ${addedFigures('figures', '$5::jsonb')}
         WHERE read_model = $1 AND counter_id = $2 AND lane = $3 AND last_sequence = $6 RETURNING 1`,
        [readModel, delta.counterId, lane.id, lane.sequence, JSON.stringify(delta.increments), after],
      );
    return rows.length > 0 ? 'written' : 'stale';
  },
  find: async (query, options) => {
    refuseIfAborted(options);
    const where = sqlWhereOf('keys', query, 'read_model = $1', [readModel]);
    return (await db.query<FiguresRow>(`SELECT figures FROM read_model_counters WHERE ${where.sql}`, where.params)).map(figuresOf);
  },
  figuresOf: async (counterIds, laneIds, options) => {
    refuseIfAborted(options);
    if (counterIds.length === 0 || laneIds.length === 0) return [];
    const rows = await db.query<FiguresRow>(
      `SELECT figures FROM read_model_counters WHERE read_model = $1
       AND counter_id IN (SELECT jsonb_array_elements_text($2::jsonb)) AND lane IN (SELECT jsonb_array_elements_text($3::jsonb))`,
      [readModel, JSON.stringify(counterIds), JSON.stringify(laneIds)],
    );
    return rows.map(figuresOf);
  },
});

/** Lane marks in `read_model_progress`, moved only forward (`GREATEST`), so a late or replayed report can't move one back. */
export const createSqlProgressStore = (db: SqlQueryable, readModel: string): ProgressStore => ({
  record: async (mark, options) => {
    refuseIfAborted(options);
    await db.query(
      `INSERT INTO read_model_progress AS progress (read_model, lane, sequence, position) VALUES ($1, $2, $3, $4)
       ON CONFLICT (read_model, lane) DO UPDATE SET sequence = GREATEST(progress.sequence, excluded.sequence), position = GREATEST(progress.position, excluded.position)`,
      [readModel, mark.lane, mark.sequence, mark.position],
    );
  },
  marks: async (options) => {
    refuseIfAborted(options);
    const rows = await db.query<{ lane: string; sequence: number | string; position: number | string }>(
      'SELECT lane, sequence, position FROM read_model_progress WHERE read_model = $1', [readModel],
    );
    return rows.map((row) => ({ lane: row.lane, sequence: Number(row.sequence), position: Number(row.position) }));
  },
});
