import type { NewEvent, RecordedEvent, StoredEventRef } from '@meridian/platform/eventsourcing';
import type { EsdbProposedEvent, EsdbStoredEvent } from './esdb-client.port';
import { toRevision } from './esdb-expected-revision';
import type { AppendBatch } from './esdb-metadata';
import { decodeMetadata, encodeMetadata } from './esdb-metadata';
import { toGlobalPosition } from './esdb-position';

/** A recorded event with the batch that stored it (see AppendBatch). */
export type EsdbRecordedEvent = Readonly<{ event: RecordedEvent; batch: AppendBatch }>;

/**
 * Our event as the server stores it. The event id is ESDB's event id, in
 * canonical lowercase, so the server's own idempotency check works on it.
 * `data ?? null` because JSON has no `undefined` (the SQL and memory adapters
 * store null too).
 */
export const toProposedEvent = (event: NewEvent, batch: AppendBatch): EsdbProposedEvent => ({
  id: event.eventId.toLowerCase(),
  type: event.type,
  data: event.data ?? null,
  metadata: encodeMetadata(event.metadata, batch),
});

export const toRecordedEvent = (stored: EsdbStoredEvent): EsdbRecordedEvent => {
  const eventId = stored.id.toLowerCase();
  const { metadata, batch } = decodeMetadata(stored.metadata, eventId);
  return {
    event: {
      eventId,
      type: stored.type,
      streamId: stored.streamId,
      revision: toRevision(stored.revision),
      globalPosition: toGlobalPosition(stored.position, eventId),
      recordedAt: stored.created.toISOString(),
      data: stored.data,
      metadata,
    },
    // An unstamped event is a batch of its own: never taken for part of a retried batch.
    batch: batch ?? { id: `unstamped:${eventId}`, size: 1 },
  };
};

/** The shape the shared append rules (replayedAppendResult) judge idempotency on. */
export const toStoredEventRef = ({ event, batch }: EsdbRecordedEvent): StoredEventRef => ({
  eventId: event.eventId,
  streamId: event.streamId,
  revision: event.revision,
  globalPosition: event.globalPosition,
  batchId: batch.id,
  batchSize: batch.size,
});
