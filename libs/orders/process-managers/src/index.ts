export type { RememberedOpportunity } from './won-opportunity-drafts.process-manager';
export {
  OpenedOpportunityUnknown,
  wonOpportunityDrafts,
  wonOpportunityDraftsActor,
  wonOpportunityDraftsName,
} from './won-opportunity-drafts.process-manager';
export { ordersProcessManagerCatalogues, ordersProcessManagers } from './orders-process-managers';
