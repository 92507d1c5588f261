import type { Connection } from 'mongoose';
import type { GenerationCollections, ReadModelStore } from '@meridian/platform/projections';
import type { CustomerActivityDocument } from './customer-activity.model';

/** Customer 360 reads by tenant and customer; the source stream is the document id already. */
export const ensureCustomerActivityIndexes = async (connection: Connection, collections: GenerationCollections): Promise<void> => {
  await connection.collection(collections.documents).createIndex({ tenantId: 1, customerId: 1, sourceStreamId: 1 });
};

/**
 * Every activity document of these customers (a customer and its lineage,
 * see `customerLineage` of the customer list): one membership query, no
 * join. Sorted by source stream so equal inputs give equal outputs. Each
 * document holds at most `maxEntriesPerStream` entries; the number of
 * documents grows with the customer's opportunities and orders.
 */
export const customer360Parts = async (
  documents: ReadModelStore<CustomerActivityDocument>,
  tenantId: string,
  customerIds: readonly string[],
): Promise<CustomerActivityDocument[]> => {
  const ids = [...new Set(customerIds)];
  if (ids.length === 0) return [];
  return documents.find({ equals: { tenantId }, oneOf: { customerId: ids }, sort: [['sourceStreamId', 1]] });
};
