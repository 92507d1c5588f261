import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { openMongooseReadModelStorage } from '@meridian/platform/projections';
import type { CustomerActivityDocument } from './customer-activity.model';
import { customerActivityReadModel } from './customer-activity.model';
import { ensureCustomerActivityIndexes } from './customer-activity.queries';
import { customerActivityQueriesContract } from './testing/customer-activity-queries.contract';

// The same customer 360 queries as the memory spec, on the MongoDB-wire server of the test run (FerretDB).
const connection = mongoose.createConnection(process.env.MONGODB_URL ?? '', {
  dbName: `customer_activity_${randomBytes(4).toString('hex')}`,
  serverSelectionTimeoutMS: 5_000,
});

afterAll(async () => {
  await connection.dropDatabase().catch(() => undefined);
  await connection.close();
});

customerActivityQueriesContract('mongoose (MONGODB_URL)', async () => {
  await connection.asPromise();
  const storage = openMongooseReadModelStorage<CustomerActivityDocument>(connection, customerActivityReadModel, 1);
  await ensureCustomerActivityIndexes(connection, storage.collections);
  await ensureCustomerActivityIndexes(connection, storage.collections);
  return storage;
});
