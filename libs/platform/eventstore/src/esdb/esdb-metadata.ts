import type { EventMetadata } from '@meridian/platform/eventsourcing';

/**
 * Which append call stored an event, and how many events that call stored.
 * EventStoreDB acknowledges an idempotent repeat exactly like a fresh write
 * (same success, same revision), so the adapter stamps a fresh id on every
 * call and reads it back: the call whose id is stored is the one that wrote.
 */
export type AppendBatch = Readonly<{ id: string; size: number }>;

/** Key of the batch stamp; the adapter owns it and strips it on the way out. */
const batchKey = 'meridianAppend';
/**
 * EventStoreDB's own names for correlation and causation: its `$by_correlation_id`
 * projection and its UI read them. Derived from our fields, so not returned.
 */
const esdbCorrelationKey = '$correlationId';
const esdbCausationKey = '$causationId';
const reservedKeys: ReadonlySet<string> = new Set([batchKey, esdbCorrelationKey, esdbCausationKey]);

const requiredStrings = ['tenantId', 'actorId', 'correlationId', 'causationId', 'occurredAt'] as const;
const optionalStrings = ['traceparent', 'idempotencyKey', 'requestHash'] as const;

/** The JSON object stored as the event's metadata: our envelope fields as they are, plus the batch stamp. */
export const encodeMetadata = (metadata: EventMetadata, batch: AppendBatch): Record<string, unknown> => ({
  ...metadata,
  [esdbCorrelationKey]: metadata.correlationId,
  [esdbCausationKey]: metadata.causationId,
  [batchKey]: { id: batch.id, size: batch.size },
});

export type DecodedMetadata = Readonly<{ metadata: EventMetadata; batch: AppendBatch | undefined }>;

/**
 * The envelope metadata back from what the server stored. Refuses, naming the
 * event, metadata this adapter did not write: an event in the feed without a
 * tenant or actor must stop the relay, not reach Kafka half-empty.
 */
export const decodeMetadata = (stored: unknown, eventId: string): DecodedMetadata => {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored) || stored instanceof Uint8Array) {
    throw new Error(`Event ${eventId}: metadata is not a JSON object; was it written by another client?`);
  }
  const fields = stored as Record<string, unknown>;
  const invalid = [
    ...requiredStrings.filter((key) => typeof fields[key] !== 'string'),
    ...(Number.isSafeInteger(fields.schemaVersion) ? [] : ['schemaVersion']),
    ...optionalStrings.filter((key) => key in fields && typeof fields[key] !== 'string'),
  ];
  if (invalid.length > 0) {
    throw new Error(`Event ${eventId}: metadata field(s) ${invalid.join(', ')} missing or of the wrong type`);
  }
  const metadata = Object.fromEntries(Object.entries(fields).filter(([key]) => !reservedKeys.has(key)));
  return { metadata: metadata as EventMetadata, batch: batchOf(fields[batchKey]) };
};

const batchOf = (value: unknown): AppendBatch | undefined => {
  const candidate = value as Partial<AppendBatch> | null | undefined;
  return typeof candidate?.id === 'string' && Number.isSafeInteger(candidate.size) && (candidate.size ?? 0) > 0
    ? { id: candidate.id, size: candidate.size as number }
    : undefined;
};
