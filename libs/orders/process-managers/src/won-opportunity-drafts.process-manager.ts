import type { CommandHandler } from '@meridian/platform/eventsourcing';
import { BusinessRuleViolation } from '@meridian/platform/eventsourcing';
import type { ConsumedEvent } from '@meridian/platform/kafka';
import type { ProcessManager, Projection } from '@meridian/platform/projections';
import { opportunitiesTopic, opportunityContractEventOf } from '@meridian/opportunities/contracts';
import type { OpenedOpportunityFacts } from '@meridian/orders/domain';
import { draftOrderFromWonOpportunity, orderDecider, orderStreamId, wonOpportunityOrderId } from '@meridian/orders/domain';

export const wonOpportunityDraftsName = 'won-opportunity-drafts';

/** What OpportunityWon lacks and the draft needs, remembered from OpportunityOpened. */
export type RememberedOpportunity = OpenedOpportunityFacts & Readonly<{ streamRevision: number }>;

/** An opportunity event of a stream whose open this manager never saw (dead-lettered upstream, or older than the topic). */
export class OpenedOpportunityUnknown extends BusinessRuleViolation {
  constructor(opportunityId: string) {
    super('opportunity-unknown', `No OpportunityOpened seen for ${opportunityId}: cannot tell which customer the order is for`);
  }
}

const rememberOpened: Projection<RememberedOpportunity> = {
  readModel: `pm.${wonOpportunityDraftsName}`,
  documentIdOf: (event) => (opportunityContractEventOf(event.type, event.payload) === undefined ? undefined : event.streamId),
  evolve: (remembered, event) => {
    const known = opportunityContractEventOf(event.type, event.payload);
    if (known?.type === 'OpportunityOpened') {
      const { opportunityId, customerId, name, productLine } = known.payload;
      return { opportunityId, customerId, name, productLine, streamRevision: event.streamRevision };
    }
    return remembered === null ? null : { ...remembered, streamRevision: event.streamRevision };
  },
};

/** Who the orders context records as the author of a draft (the event's metadata names the cause). */
export const wonOpportunityDraftsActor = `process-manager:${wonOpportunityDraftsName}`;

/**
 * Won opportunity → order draft. Happens once per opportunity however often
 * it is delivered: the order id is derived from tenant and opportunity, the
 * source event id is the idempotency key, and a draft for an existing order
 * is a no-op in the decider (so a reopened and re-won deal keeps its order).
 */
export const wonOpportunityDrafts = (handler: CommandHandler): ProcessManager<RememberedOpportunity> => ({
  name: wonOpportunityDraftsName,
  topics: [opportunitiesTopic],
  state: rememberOpened,
  react: async (event: ConsumedEvent, remembered) => {
    const known = opportunityContractEventOf(event.type, event.payload);
    if (known?.type !== 'OpportunityWon') return 'ignored';
    if (remembered === null) throw new OpenedOpportunityUnknown(known.payload.opportunityId);
    const orderId = wonOpportunityOrderId(event.tenantId, known.payload.opportunityId);
    await handler.handle({
      decider: orderDecider,
      streamId: orderStreamId(orderId),
      command: draftOrderFromWonOpportunity(remembered, known.payload, orderId),
      context: {
        tenantId: event.tenantId,
        actorId: wonOpportunityDraftsActor,
        correlationId: event.correlationId,
        causationId: event.eventId,
        ...(event.traceparent ? { traceparent: event.traceparent } : {}),
        idempotencyKey: event.eventId,
        requestHash: wonOpportunityDraftsName,
      },
      occurredAt: known.payload.wonAt,
    });
    return 'reacted';
  },
});
