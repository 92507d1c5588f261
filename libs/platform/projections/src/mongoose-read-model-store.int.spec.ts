import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { createMongooseCounterStore, createMongooseProgressStore } from './mongoose-counter-store';
import { createMongooseReadModelStore } from './mongoose-read-model-store';
import { counterAndProgressContract, readModelQueryContract, readModelStoreContract } from './testing/read-model-store.contract';

const connection = mongoose.createConnection(process.env.MONGODB_URL ?? '', {
  dbName: `projections_store_${randomBytes(4).toString('hex')}`,
  serverSelectionTimeoutMS: 5_000,
});
let collection = 0;

afterAll(async () => {
  await connection.dropDatabase().catch(() => undefined);
  await connection.close();
});

const fresh = async () => {
  await connection.asPromise();
  return `rows_${++collection}`;
};

readModelStoreContract('mongoose (MONGODB_URL)', async () => createMongooseReadModelStore(connection, await fresh()));
readModelQueryContract('mongoose (MONGODB_URL)', async () => createMongooseReadModelStore(connection, await fresh()));
counterAndProgressContract('mongoose (MONGODB_URL)', async () => ({
  counters: createMongooseCounterStore(connection, await fresh()),
  progress: createMongooseProgressStore(connection, await fresh()),
}));
