import { contextCatalogueOf } from '@meridian/platform/contracts';
import { ordersSource, ordersTopic } from './event-contract.schema';
import { orderContracts } from './order-contracts.registry';

/** The orders context's public face on Kafka, in one place for the relay and for tests. */
export const ordersPublicCatalogue = contextCatalogueOf({
  streamCategories: ['order'],
  topic: ordersTopic,
  source: ordersSource,
  contracts: orderContracts,
});
