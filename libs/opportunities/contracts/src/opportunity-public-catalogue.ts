import { contextCatalogueOf } from '@meridian/platform/contracts';
import { opportunitiesTopic } from './event-contract.schema';
import { opportunityContracts } from './opportunity-contracts.registry';

/** The opportunities context's public face on Kafka, in one place for the relay and for tests. */
export const opportunitiesPublicCatalogue = contextCatalogueOf({
  streamCategories: ['opportunity'],
  topic: opportunitiesTopic,
  source: '/meridian/opportunities',
  contracts: opportunityContracts,
});
