import type { Money, OpportunityDetails, OpportunityState } from '@meridian/opportunities/domain';
import { isOpenStage, openStages } from '@meridian/opportunities/domain';

/**
 * What the read models should show, derived from the aggregates' states only:
 * never from read-model code, so a read model that folds differently from the
 * stream cannot agree with itself by construction.
 */
export type Deal = Extract<OpportunityState, { status: 'present' }>;

export const presentDeal = (state: OpportunityState): Deal => {
  if (state.status !== 'present') throw new Error('every script opens its deal first');
  return state;
};

/** Exact sums in hundredths: the contracts allow at most two decimals. */
const centsOf = (money: Money): number => Math.round(money.amount * 100);

/** The money of these deals per currency, in currency order, without a currency that sums to zero. */
export const totalsOf = (deals: readonly OpportunityDetails[]): Money[] => {
  const cents = new Map<string, number>();
  for (const { amount } of deals) cents.set(amount.currency, (cents.get(amount.currency) ?? 0) + centsOf(amount));
  return [...cents]
    .filter(([, sum]) => sum !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, sum]) => ({ currency, amount: sum / 100 }));
};

export const isArchived = (deal: Deal): boolean => deal.archivedAt !== undefined;

/**
 * The figures of a funnel report that follow from where each deal is now
 * (reach and dwell need the history). Archived deals count nowhere.
 */
export const expectedFunnelOf = (allDeals: readonly Deal[]) => {
  const deals = allDeals.filter((deal) => !isArchived(deal));
  const inStage = (stage: Deal['stage']) => deals.filter((deal) => deal.stage === stage);
  return {
    opportunities: deals.length,
    stages: openStages.map((stage) => ({ stage, count: inStage(stage).length, amounts: totalsOf(inStage(stage)) })),
    won: { count: inStage('won').length, amounts: totalsOf(inStage('won')) },
    lost: { count: inStage('lost').length, amounts: totalsOf(inStage('lost')) },
  };
};

export const expectedListItemOf = (deal: Deal, streamRevision: number) => ({
  opportunityId: deal.opportunityId,
  customerId: deal.customerId,
  name: deal.name,
  ownerId: deal.ownerId,
  stage: deal.stage,
  amount: deal.amount.amount,
  currency: deal.amount.currency,
  expectedCloseDate: deal.expectedCloseDate,
  region: deal.region,
  productLine: deal.productLine,
  sourceChannel: deal.sourceChannel,
  openedAt: deal.openedAt,
  closedAt: deal.closedAt ?? null,
  visibility: isArchived(deal) ? 'archived' : 'active',
  archivedAt: deal.archivedAt ?? null,
  streamRevision,
});

export const expectedFunnelEntryOf = (deal: Deal, streamRevision: number) => ({
  opportunityId: deal.opportunityId,
  ownerId: deal.ownerId,
  stage: deal.stage,
  amount: deal.amount,
  region: deal.region,
  productLine: deal.productLine,
  sourceChannel: deal.sourceChannel,
  archived: isArchived(deal),
  streamRevision,
});

export const expectedActivitySummaryOf = (deal: Deal) => ({
  opportunityId: deal.opportunityId,
  name: deal.name,
  stage: deal.stage,
  amountMinor: centsOf(deal.amount),
  currency: deal.amount.currency,
  open: isOpenStage(deal.stage),
  archived: isArchived(deal),
  ownerId: deal.ownerId,
  expectedCloseDate: deal.expectedCloseDate,
});

/** A customer's open deals that are not archived, as the 360 should list them, in id order (the caller sorts the actual list the same way). */
export const expectedOpenDealsOf = (deals: readonly Deal[], customerId: string) =>
  deals
    .filter((deal) => deal.customerId === customerId && isOpenStage(deal.stage) && !isArchived(deal))
    .map((deal) => ({
      opportunityId: deal.opportunityId, customerId, name: deal.name, stage: deal.stage, amount: deal.amount,
      ownerId: deal.ownerId, expectedCloseDate: deal.expectedCloseDate,
    }))
    .sort((a, b) => (a.opportunityId < b.opportunityId ? -1 : 1));
