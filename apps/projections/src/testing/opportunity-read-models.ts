import type { ConsumedEvent } from '@meridian/platform/kafka';
import type { ProjectedDocument, Projection, ReadModelStorage } from '@meridian/platform/projections';
import { applyEvent, createMemoryReadModelStorage } from '@meridian/platform/projections';
import type { CustomerActivityDocument, OpportunityActivity, OpportunityView } from '@meridian/read-models/customer-activity';
import { customer360Parts, customerActivityProjection, openOpportunities } from '@meridian/read-models/customer-activity';
import type { OpportunityListItem, OpportunityListQuery } from '@meridian/read-models/opportunity-list';
import { listOpportunities, opportunityListProjection } from '@meridian/read-models/opportunity-list';
import type { FunnelEntry, FunnelReport, SalesFunnelQuery } from '@meridian/read-models/sales-funnel';
import { salesFunnelProjection, salesFunnelReport } from '@meridian/read-models/sales-funnel';

/** Every read model fed by opportunity events, each in the in-memory storage standalone mode serves from. */
export type OpportunityReadModels = Readonly<{
  project: (events: readonly ConsumedEvent[]) => Promise<void>;
  listItem: (streamId: string) => Promise<OpportunityListItem | null>;
  /** The ids a list query answers (one page of up to 200), in its order. */
  listedIds: (query: OpportunityListQuery) => Promise<string[]>;
  funnelEntry: (streamId: string) => Promise<FunnelEntry | null>;
  /** The funnel as the API answers it: summed from the counters, not from the entries. */
  funnelReport: (query: SalesFunnelQuery) => Promise<FunnelReport>;
  activity: (streamId: string) => Promise<OpportunityActivity | null>;
  /** A customer's open deals as the customer 360 lists them. */
  openOpportunitiesOf: (tenantId: string, customerId: string) => Promise<OpportunityView[]>;
}>;

/** One delivery lane, as if every event came in on one partition in position order. */
const lane = 'p0';

/** The runtime's path for one event: counters under the lane guard, then the document under the revision guard. */
const applyInOrder = async <TDocument extends ProjectedDocument>(
  projection: Projection<TDocument>,
  storage: ReadModelStorage<TDocument>,
  events: readonly ConsumedEvent[],
): Promise<void> => {
  for (const event of events) {
    await applyEvent(projection, storage, event, { id: lane, sequence: event.globalPosition });
    await storage.progress.record({ lane, sequence: event.globalPosition, position: event.globalPosition });
  }
};

export const createOpportunityReadModels = (): OpportunityReadModels => {
  const list = createMemoryReadModelStorage<OpportunityListItem>();
  const funnel = createMemoryReadModelStorage<FunnelEntry>();
  const activity = createMemoryReadModelStorage<CustomerActivityDocument>();
  const activityOf = async (streamId: string): Promise<OpportunityActivity | null> => {
    const document = await activity.documents.load(streamId);
    return document?.kind === 'opportunity' ? document : null;
  };
  return {
    project: async (events) => {
      await applyInOrder(opportunityListProjection, list, events);
      await applyInOrder(salesFunnelProjection, funnel, events);
      await applyInOrder(customerActivityProjection, activity, events);
    },
    listItem: (streamId) => list.documents.load(streamId),
    listedIds: async (query) => (await listOpportunities(list.documents, { ...query, limit: 200 })).items.map((item) => item.opportunityId),
    funnelEntry: (streamId) => funnel.documents.load(streamId),
    funnelReport: (query) => salesFunnelReport(funnel, query),
    activity: activityOf,
    openOpportunitiesOf: async (tenantId, customerId) => openOpportunities(await customer360Parts(activity.documents, tenantId, [customerId])),
  };
};
