import type { ConsumedEvent } from '@meridian/platform/kafka';
import type { Projection } from '@meridian/platform/projections';
import type { ContractClosedStage, ContractOpenStage, OpportunityContractEvent } from '@meridian/opportunities/contracts';
import { opportunityContractEventOf } from '@meridian/opportunities/contracts';
import { dealNameTermsOf } from './opportunity-search.folding';

export const opportunityListReadModel = 'opportunity-list';

/**
 * One row of a tenant's opportunity list; `closedAt` is null while the deal is
 * open, `archivedAt` while it is not archived. `visibility` says the same as
 * `archivedAt` as a filterable key (the query language compares strings and
 * numbers only): lists show `active` rows unless asked for archived ones.
 */
export type OpportunityListItem = Readonly<{
  tenantId: string;
  opportunityId: string;
  name: string;
  customerId: string;
  ownerId: string;
  stage: ContractOpenStage | ContractClosedStage;
  amount: number;
  currency: string;
  expectedCloseDate: string;
  region: string;
  productLine: string;
  sourceChannel: string;
  openedAt: string;
  closedAt: string | null;
  visibility: 'active' | 'archived';
  archivedAt: string | null;
  /** The folded word-suffixes of `name` (see `dealNameTermsOf`): what the name search matches a prefix of. */
  searchTerms: readonly string[];
  streamRevision: number;
  lastPosition: number;
}>;

/** An event whose `ce_type` this read model does not know (e.g. a newer version): dead-lettered, to replay once supported. */
export class UnknownOpportunityEvent extends Error {
  override readonly name = 'UnknownOpportunityEvent';
}

/** The relay validated the payload against this very contract before publishing it. */
const knownOf = (event: ConsumedEvent): OpportunityContractEvent => {
  const known = opportunityContractEventOf(event.type, event.payload);
  if (known === undefined) throw new UnknownOpportunityEvent(`opportunity-list does not know ${event.type}`);
  return known;
};

const changed = (item: OpportunityListItem, event: ConsumedEvent, fields: Partial<OpportunityListItem>): OpportunityListItem => ({
  ...item,
  ...fields,
  streamRevision: event.streamRevision,
  lastPosition: event.globalPosition,
});

/**
 * Pure: `(item | null, event) → item | null`. Events of a deal that was never
 * opened here (its open was dead-lettered upstream) leave no document.
 */
export const evolveOpportunityListItem = (item: OpportunityListItem | null, event: ConsumedEvent): OpportunityListItem | null => {
  const known = knownOf(event);
  if (known.type === 'OpportunityOpened') {
    const p = known.payload;
    return {
      tenantId: event.tenantId, opportunityId: p.opportunityId, name: p.name, customerId: p.customerId, ownerId: p.ownerId,
      stage: p.stage, amount: p.amount.amount, currency: p.amount.currency, expectedCloseDate: p.expectedCloseDate,
      region: p.region, productLine: p.productLine, sourceChannel: p.sourceChannel, openedAt: p.openedAt, closedAt: null,
      visibility: 'active', archivedAt: null, searchTerms: dealNameTermsOf(p.name),
      streamRevision: event.streamRevision, lastPosition: event.globalPosition,
    };
  }
  if (item === null) return null;
  switch (known.type) {
    case 'OpportunityStageChanged':
      return changed(item, event, { stage: known.payload.toStage });
    case 'OpportunityWon':
      return changed(item, event, { stage: 'won', amount: known.payload.finalAmount.amount, currency: known.payload.finalAmount.currency, closedAt: known.payload.wonAt });
    case 'OpportunityLost':
      return changed(item, event, { stage: 'lost', closedAt: known.payload.lostAt });
    case 'OpportunityReopened':
      return changed(item, event, { stage: known.payload.toStage, closedAt: null });
    case 'OpportunityAmountRevised':
      return changed(item, event, { amount: known.payload.amount.amount, currency: known.payload.amount.currency });
    case 'OpportunityCloseDateRescheduled':
      return changed(item, event, { expectedCloseDate: known.payload.expectedCloseDate });
    case 'OpportunityOwnerReassigned':
      return changed(item, event, { ownerId: known.payload.ownerId });
    case 'OpportunityArchived':
      return changed(item, event, { visibility: 'archived', archivedAt: known.payload.archivedAt });
    case 'OpportunityRestored':
      return changed(item, event, { visibility: 'active', archivedAt: null });
    case 'ActivityLogged':
      // Nothing listed changes, but the revision advances so the guard stays exact.
      return changed(item, event, {});
    default: {
      const unreachable: never = known;
      throw new UnknownOpportunityEvent(`unhandled ${JSON.stringify(unreachable)}`);
    }
  }
};

/** One document per opportunity stream; the stream id is unique across tenants. */
export const opportunityListProjection: Projection<OpportunityListItem> = {
  readModel: opportunityListReadModel,
  documentIdOf: (event) => (event.streamId.startsWith('opportunity-') ? event.streamId : undefined),
  evolve: evolveOpportunityListItem,
};
