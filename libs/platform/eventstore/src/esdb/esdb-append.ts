import { BACKWARDS, END, FORWARDS, START } from '@kurrent/kurrentdb-client';
import type { AppendResult, ExpectedRevision, NewEvent, StreamRevision } from '@meridian/platform/eventsourcing';
import {
  WrongExpectedRevision,
  assertExpectedRevision,
  assertValidEventIds,
  replayedAppendResult,
} from '@meridian/platform/eventsourcing';
import type { EsdbClient } from './esdb-client.port';
import { isWrongExpectedVersion, toWrongExpectedRevision } from './esdb-errors';
import { toAppendStreamState } from './esdb-expected-revision';
import type { AppendBatch } from './esdb-metadata';
import type { EsdbRecordedEvent } from './esdb-recorded-event';
import { toProposedEvent, toRecordedEvent, toStoredEventRef } from './esdb-recorded-event';

/**
 * appendToStream over EventStoreDB. The server alone does not give the port's
 * idempotency: it checks event ids only at the revisions after a numeric (or
 * no-stream) expectation, and for 'any'/'stream_exists' only against a bounded
 * cache of recent ids; an expectation equal to the current revision appends
 * without looking at ids at all. So:
 * 1. the stream is read first and any of the batch's ids already in it settle
 *    the call by the shared rules: the original result (replayed) or
 *    PartialDuplicateAppend;
 * 2. otherwise the batch is appended, stamped with a fresh batch id;
 * 3. the stored events are read back: our stamp means this call wrote them,
 *    another stamp means a racing copy of the same batch won and the server
 *    acknowledged ours as idempotent (replayed), anything else is refused.
 * A conflict is re-checked the same way before it becomes WrongExpectedRevision,
 * because the server also answers a racing partial overlap with a conflict.
 * Event ids are unique per stream only: EventStoreDB has no index by event id,
 * so an id stored in another stream is not detected.
 */
export const appendIdempotently = async (
  client: EsdbClient,
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
  batchId: string,
): Promise<AppendResult> => {
  assertValidEventIds(streamId, events);
  if (events.length === 0) return appendNothing(client, streamId, expected);
  const batch: AppendBatch = { id: batchId, size: events.length };
  const ids = new Set(events.map((event) => event.eventId.toLowerCase()));
  const stored = async () => settle(streamId, events, batch, await storedCopies(client, streamId, ids));

  const before = await stored();
  if (before) return before;
  const state = toAppendStreamState(expected);
  if (state === undefined) throw new WrongExpectedRevision(streamId, expected, await lastRevision(client, streamId));

  let revision: bigint;
  try {
    revision = await client.append(streamId, events.map((event) => toProposedEvent(event, batch)), state);
  } catch (error) {
    if (!isWrongExpectedVersion(error)) throw error;
    const raced = await stored();
    if (raced) return raced;
    throw toWrongExpectedRevision(error, streamId, expected);
  }

  const from = revision - BigInt(events.length - 1);
  const written = from < 0n ? [] : await client.readStream(streamId, { from, direction: FORWARDS, maxCount: events.length });
  const result = settle(streamId, events, batch, written.filter((raw) => ids.has(raw.id.toLowerCase())).map(toRecordedEvent));
  if (!result) {
    throw new Error(`Stream ${streamId}: the server acknowledged the append at revision ${revision}, but the batch is not stored there`);
  }
  return result;
};

/**
 * The result stored copies of the batch's ids imply: undefined when there are
 * none, the shared rules' verdict otherwise, except that copies carrying this
 * call's own stamp were written by this call (a retry after a lost answer).
 */
const settle = (
  streamId: string,
  events: readonly NewEvent[],
  batch: AppendBatch,
  copies: readonly EsdbRecordedEvent[],
): AppendResult | undefined => {
  const result = replayedAppendResult(streamId, events, copies.map(toStoredEventRef));
  if (result === undefined) return undefined;
  const ours = copies.every((copy) => copy.batch.id === batch.id);
  return ours ? { ...result, replayed: false } : result;
};

/** Events of the stream whose ids are in the batch. Reads the whole stream: aggregate streams are short. */
const storedCopies = async (client: EsdbClient, streamId: string, ids: ReadonlySet<string>): Promise<EsdbRecordedEvent[]> => {
  const stream = await client.readStream(streamId, { from: START, direction: FORWARDS, maxCount: Number.MAX_SAFE_INTEGER });
  return stream.filter((raw) => ids.has(raw.id.toLowerCase())).map(toRecordedEvent);
};

const lastEvent = async (client: EsdbClient, streamId: string): Promise<EsdbRecordedEvent | undefined> => {
  const [last] = await client.readStream(streamId, { from: END, direction: BACKWARDS, maxCount: 1 });
  return last ? toRecordedEvent(last) : undefined;
};

const lastRevision = async (client: EsdbClient, streamId: string): Promise<StreamRevision> =>
  (await lastEvent(client, streamId))?.event.revision ?? 'no_stream';

/** No events: nothing to write, but the expectation is still checked and the stream's position reported. */
const appendNothing = async (client: EsdbClient, streamId: string, expected: ExpectedRevision): Promise<AppendResult> => {
  const last = (await lastEvent(client, streamId))?.event;
  assertExpectedRevision(streamId, expected, last ? last.revision : 'no_stream');
  return { nextExpectedRevision: last ? last.revision : -1, lastPosition: last ? last.globalPosition : 0, replayed: false };
};
