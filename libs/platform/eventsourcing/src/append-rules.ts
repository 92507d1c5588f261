import type { NewEvent } from './envelope';
import type { AppendResult, ExpectedRevision } from './event-store.port';
import { PartialDuplicateAppend, WrongExpectedRevision } from './event-store.port';

/**
 * Rules every adapter applies the same way, kept pure so the memory and SQL
 * adapters cannot drift apart. The SQL adapter evaluates them against
 * committed rows; the memory adapter against its arrays.
 */

export type StreamRevision = number | 'no_stream';

/** An already-stored event whose id appears in the batch being appended. */
export type StoredEventRef = Readonly<{
  eventId: string;
  streamId: string;
  revision: number;
  globalPosition: number;
  /** Identifies the append call that stored it (SQL: its transaction id). */
  batchId: string;
  /** How many events that append call stored in this stream. */
  batchSize: number;
}>;

export const assertExpectedRevision = (
  streamId: string,
  expected: ExpectedRevision,
  actual: StreamRevision,
): void => {
  const satisfied =
    expected === 'any' ||
    (expected === 'no_stream' && actual === 'no_stream') ||
    (expected === 'stream_exists' && actual !== 'no_stream') ||
    (typeof expected === 'number' && expected === actual);
  if (!satisfied) throw new WrongExpectedRevision(streamId, expected, actual);
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Event ids are UUIDs (the SQL column is uuid, EventStoreDB requires them too),
 * stored in canonical lowercase, and dedupe keys, so a batch repeating one
 * could never be stored.
 */
export const assertValidEventIds = (streamId: string, events: readonly NewEvent[]): void => {
  const seen = new Set<string>();
  for (const { eventId } of events) {
    if (!uuidPattern.test(eventId)) throw new Error(`Stream ${streamId}: event id "${eventId}" is not a UUID`);
    if (seen.has(eventId.toLowerCase())) {
      throw new Error(`Stream ${streamId}: event id ${eventId} appears twice in one append`);
    }
    seen.add(eventId.toLowerCase());
  }
};

/**
 * Idempotent append. Returns the original result when `stored` is exactly the
 * batch, stored whole by one earlier append to this stream, in the same order;
 * `undefined` when none of the ids is stored; otherwise the batch overlaps
 * something else and appending it would store an event id twice or split a
 * batch, so it is refused with PartialDuplicateAppend.
 */
export const replayedAppendResult = (
  streamId: string,
  events: readonly NewEvent[],
  stored: readonly StoredEventRef[],
): AppendResult | undefined => {
  if (stored.length === 0) return undefined;
  const byId = new Map(stored.map((ref) => [ref.eventId.toLowerCase(), ref] as const));
  const refs = events.map((event) => byId.get(event.eventId.toLowerCase()));
  const first = refs[0];
  const isSameBatch =
    first !== undefined &&
    first.batchSize === events.length &&
    refs.every(
      (ref, index) =>
        ref !== undefined &&
        ref.streamId === streamId &&
        ref.batchId === first.batchId &&
        ref.revision === first.revision + index,
    );
  const last = refs[refs.length - 1];
  if (!isSameBatch || last === undefined) {
    const duplicate = events.find((_, index) => refs[index] !== undefined) ?? events[0];
    throw new PartialDuplicateAppend(streamId, duplicate.eventId);
  }
  return { nextExpectedRevision: last.revision, lastPosition: last.globalPosition, replayed: true };
};
