export type {
  CustomerConsentPurpose,
  CustomerIntentLevel,
  CustomerInteractionKind,
  CustomerKind,
  CustomerListItem,
  CustomerListStatus,
  CustomerSegment,
  ListedConsent,
  ListedContact,
  ListedIntent,
  ListedInteraction,
} from './customer-list.model';
export { customerListReadModel, customerSegments } from './customer-list.model';
export type { SearchableParts } from './customer-search.folding';
export { foldText, nameKeyOf, nameTermsOf, searchPrefixOf, searchTermsOf } from './customer-search.folding';
export { UnreadableCustomerInstant } from './customer-list.item';
export { UnknownCustomerEvent, customerListProjection, evolveCustomerListItem } from './customer-list.projection';
export { customerListCounterDeltas, segmentCounterIdOf } from './customer-list.counters';
export type {
  CustomerListArchivedFilter,
  CustomerListFilters,
  CustomerListPage,
  CustomerListPageRequest,
  CustomerListSort,
  CustomerListSortField,
  SegmentDistribution,
} from './customer-list.queries';
export {
  customerListArchivedFilters,
  customerListFilterOf,
  customerListIdOf,
  customerListSortFields,
  customersInSegment,
  customersWithPurchases,
  defaultCustomerListSort,
  defaultPageSize,
  ensureCustomerListIndexes,
  getCustomer,
  listCustomers,
  maxPageSize,
  pageOf,
  segmentDistribution,
} from './customer-list.queries';
export type { CandidateOptions } from './customer-list.lookups';
export { customerLineage, findByEmailsOrPhones, findByNamePrefix } from './customer-list.lookups';
export { customerListDefinition } from './customer-list.runtime';
