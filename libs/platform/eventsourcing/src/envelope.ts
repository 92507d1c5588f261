/** Who and why: stamped by infrastructure from the request or consumer context, never by domain code. */
export type CommandContext = Readonly<{
  tenantId: string;
  actorId: string;
  correlationId: string;
  /** The id of the command or event that caused this one. */
  causationId: string;
  traceparent?: string;
  /** Client-chosen key that makes a retried command append nothing new. */
  idempotencyKey?: string;
  /** Hash of the request the key was first used with; a different hash under the same key is refused. */
  requestHash?: string;
}>;

export type EventMetadata = Readonly<{
  tenantId: string;
  actorId: string;
  correlationId: string;
  causationId: string;
  traceparent?: string;
  schemaVersion: number;
  /** When the fact happened in the business, as the command said (ISO 8601). */
  occurredAt: string;
  idempotencyKey?: string;
  requestHash?: string;
}>;

/** An event about to be appended. `eventId` is also the dedupe key downstream. */
export type NewEvent = Readonly<{
  eventId: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
}>;

/** An event as the store recorded it: the full envelope (docs/event-catalogue.md). */
export type RecordedEvent = Readonly<{
  eventId: string;
  type: string;
  streamId: string;
  /** 0-based position of the event inside its stream. */
  revision: number;
  /** Position in the store-wide ordered feed; strictly increasing in feed order. */
  globalPosition: number;
  /** When the store committed it (ISO 8601). */
  recordedAt: string;
  data: unknown;
  metadata: EventMetadata;
}>;
