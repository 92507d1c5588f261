export type { OpportunityListItem } from './opportunity-list.projection';
export { UnknownOpportunityEvent, evolveOpportunityListItem, opportunityListProjection, opportunityListReadModel } from './opportunity-list.projection';
export type { OpportunityListPage, OpportunityListQuery, OpportunityListSortField } from './opportunity-list.queries';
export { ensureOpportunityListIndexes, listOpportunities, maxPageSize } from './opportunity-list.queries';
export type { OpportunityListRuntimeOptions } from './opportunity-list.runtime';
export { startOpportunityListProjection } from './opportunity-list.runtime';
