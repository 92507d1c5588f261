import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { openMongooseReadModelStorage } from '@meridian/platform/projections';
import type { CustomerListItem } from './customer-list.model';
import { customerListReadModel } from './customer-list.model';
import { ensureCustomerListIndexes } from './customer-list.queries';
import { customerListQueriesContract } from './testing/customer-list-queries.contract';

// The same queries as the memory spec, on the MongoDB-wire server of the test
// run (FerretDB): filters, prefix regexes on arrays, multikey indexes, counters.
const connection = mongoose.createConnection(process.env.MONGODB_URL ?? '', {
  dbName: `customer_list_${randomBytes(4).toString('hex')}`,
  serverSelectionTimeoutMS: 5_000,
});
let generation = 0;

afterAll(async () => {
  await connection.dropDatabase().catch(() => undefined);
  await connection.close();
});

customerListQueriesContract('mongoose (MONGODB_URL)', async () => {
  await connection.asPromise();
  const storage = openMongooseReadModelStorage<CustomerListItem>(connection, customerListReadModel, ++generation);
  await ensureCustomerListIndexes(connection, storage.collections);
  return storage;
});

describe('customer list indexes', () => {
  it('are created once and again without error (idempotent)', async () => {
    await connection.asPromise();
    const storage = openMongooseReadModelStorage<CustomerListItem>(connection, customerListReadModel, ++generation);
    await ensureCustomerListIndexes(connection, storage.collections);
    await ensureCustomerListIndexes(connection, storage.collections);
    const names = (await connection.collection(storage.collections.documents).indexes()).map((index) => index.name);
    expect(names).toEqual(expect.arrayContaining(['tenantId_1_searchTerms_1', 'tenantId_1_contactKeys_1', 'tenantId_1_status_1_nameKey_1_customerId_1']));
  });
});
