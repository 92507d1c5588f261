import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { createMongooseReadModelStore } from './mongoose-read-model-store';
import { readModelStoreContract } from './testing/read-model-store.contract';

const connection = mongoose.createConnection(process.env.MONGODB_URL ?? '', {
  dbName: `projections_store_${randomBytes(4).toString('hex')}`,
  serverSelectionTimeoutMS: 5_000,
});
let collection = 0;

afterAll(async () => {
  await connection.dropDatabase().catch(() => undefined);
  await connection.close();
});

readModelStoreContract('mongoose (MONGODB_URL)', async () => {
  await connection.asPromise();
  return createMongooseReadModelStore(connection, `rows_${++collection}`);
});
