export type { OpportunityListItem } from './opportunity-list.projection';
export { UnknownOpportunityEvent, evolveOpportunityListItem, opportunityListProjection, opportunityListReadModel } from './opportunity-list.projection';
export type { OpportunityListPage, OpportunityListQuery, OpportunityListSortField } from './opportunity-list.queries';
export { defaultPageSize, ensureOpportunityListIndexes, listOpportunities, maxPageSize, opportunityListSortFields } from './opportunity-list.queries';
export { opportunityListDefinition } from './opportunity-list.runtime';
