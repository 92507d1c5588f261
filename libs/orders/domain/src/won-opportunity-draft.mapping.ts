import { deterministicUuid } from '@meridian/platform/eventsourcing';
import type { DraftOrderFromOpportunity } from './order.commands';
import type { Instant, Money } from './order.values';

/** What the process manager keeps per opportunity from `OpportunityOpened` (structurally a slice of its v1 contract). */
export type OpenedOpportunityFacts = Readonly<{ opportunityId: string; customerId: string; name: string; productLine: string }>;

/** What it takes from `OpportunityWon`. */
export type WonOpportunityFacts = Readonly<{ finalAmount: Money; wonAt: Instant }>;

/** The id of the one line of a drafted order; fixed, so every redelivery builds the identical command. */
export const wonOpportunityLineId = 'line-1';

/**
 * The order a won opportunity drafts: the same for a tenant and opportunity on
 * every delivery, replay and re-win, which is what makes the draft happen once
 * (the decider treats a draft for an existing order as done).
 */
export const wonOpportunityOrderId = (tenantId: string, opportunityId: string): string =>
  deterministicUuid(tenantId, 'won-opportunity', opportunityId);

/**
 * Pure mapping of the design: one line, product = product line, description =
 * the deal's name, quantity 1, unit price = final amount; drafted at the time
 * the deal was won, so the command does not depend on when it is delivered.
 */
export const draftOrderFromWonOpportunity = (
  opened: OpenedOpportunityFacts,
  won: WonOpportunityFacts,
  orderId: string,
): DraftOrderFromOpportunity => ({
  type: 'DraftOrderFromOpportunity',
  data: {
    orderId,
    customerId: opened.customerId,
    opportunityId: opened.opportunityId,
    currency: won.finalAmount.currency,
    lines: [
      {
        lineId: wonOpportunityLineId,
        productId: opened.productLine,
        description: opened.name,
        quantity: 1,
        unitPrice: { amount: won.finalAmount.amount, currency: won.finalAmount.currency },
      },
    ],
    draftedAt: won.wonAt,
  },
});
