import type { ReadModelAccess } from '@meridian/platform/projections';
import type { OpportunityListItem } from '@meridian/read-models/opportunity-list';
import type { FunnelEntry } from '@meridian/read-models/sales-funnel';

/** How the host reaches the read models: MongoDB generations in production, memory in standalone mode. */
export type OpportunityReadModels = Readonly<{
  opportunityList: ReadModelAccess<OpportunityListItem>;
  salesFunnel: ReadModelAccess<FunnelEntry>;
  /** Upper bound of a read-your-writes wait before answering 503. */
  maxWaitMs: number;
}>;

export const OPPORTUNITY_READ_MODELS = Symbol('OpportunityReadModels');
