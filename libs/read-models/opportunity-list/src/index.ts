export type { OpportunityListItem } from './opportunity-list.projection';
export { UnknownOpportunityEvent, evolveOpportunityListItem, opportunityListProjection, opportunityListReadModel } from './opportunity-list.projection';
export type { OpportunityListArchivedFilter, OpportunityListPage, OpportunityListQuery, OpportunityListSortField } from './opportunity-list.queries';
export {
  defaultOpportunityListSort, defaultPageSize, ensureOpportunityListIndexes, listOpportunities, maxPageSize, opportunityListArchivedFilters, opportunityListSortFields,
} from './opportunity-list.queries';
export { dealNamePrefixOf, dealNameTermsOf, foldDealName } from './opportunity-search.folding';
export { opportunityListDefinition } from './opportunity-list.runtime';
