import type { CommandContext } from '@meridian/platform/eventsourcing';

/** Who appends the drafts, as event metadata records it. */
export const wonOpportunityActorId = 'process-manager:won-opportunity';

/** The consumed `OpportunityWon` as the process manager received it (CloudEvents id and extensions). */
export type WonOpportunitySource = Readonly<{
  tenantId: string;
  /** The source event's id: becomes the causation id and the idempotency key. */
  eventId: string;
  /** Carried over from the source event, so the draft joins the deal's conversation. */
  correlationId: string;
  traceparent?: string;
}>;

/**
 * The command context of a draft caused by a won opportunity. The source
 * event id is the idempotency key, so the draft's event ids are derived from
 * it and a redelivered event can never append twice, even when two consumers race.
 */
export const wonOpportunityDraftContext = (source: WonOpportunitySource): CommandContext => ({
  tenantId: source.tenantId,
  actorId: wonOpportunityActorId,
  correlationId: source.correlationId,
  causationId: source.eventId,
  ...(source.traceparent === undefined ? {} : { traceparent: source.traceparent }),
  idempotencyKey: source.eventId,
  // The command is a pure function of the source event, so the key alone names
  // the request. A fixed hash (rather than none) keeps the handler's "same key,
  // same request?" comparison independent of how a store keeps a missing field.
  requestHash: 'draft-order-from-won-opportunity',
});
