import { contextCatalogueOf } from '@meridian/platform/contracts';
import { customerContracts } from './customer-contracts.registry';
import { customersSource, customersTopic } from './customers-topic';

/**
 * The customers context's public face on Kafka, in one place for the relay and
 * for tests: its three stream categories all publish on one topic, keyed by stream id.
 */
export const customersPublicCatalogue = contextCatalogueOf({
  streamCategories: ['customer', 'customer_import', 'segment_policy'],
  topic: customersTopic,
  source: customersSource,
  contracts: customerContracts,
});
