import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { createMongooseCounterStore, createMongooseProgressStore } from './mongoose-counter-store';
import { createMongooseReadModelStore } from './mongoose-read-model-store';
import { counterAndProgressContract, readModelQueryContract, readModelStoreContract } from './testing/read-model-store.contract';
import { TestAbort, storeAbortContract } from './testing/store-abort.contract';

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
storeAbortContract('mongoose (MONGODB_URL)', async () => ({
  documents: createMongooseReadModelStore(connection, await fresh()),
  counters: createMongooseCounterStore(connection, await fresh()),
  progress: createMongooseProgressStore(connection, await fresh()),
}));

/*
 * The contract's signals are aborted before the call, which the adapter
 * refuses itself. Here the signal fires after the call has started, so the
 * adapter's own check passes and only the driver can stop it: every step from
 * server selection to the socket write is asynchronous, and the driver checks
 * the signal before it writes the command.
 */
describe('mongoose store: a signal aborted while the call is under way', () => {
  const inFlight = <T>(call: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const controller = new AbortController();
    const started = call(controller.signal);
    controller.abort(new TestAbort());
    return started;
  };

  it('rejects a save and a counter increment with the abort reason, and neither is written', async () => {
    const documents = createMongooseReadModelStore<{ streamRevision: number; label: string }>(connection, await fresh());
    const counters = createMongooseCounterStore(connection, await fresh());

    await expect(inFlight((signal) => documents.save('a', { streamRevision: 0, label: 'never' }, { signal }))).rejects.toBeInstanceOf(TestAbort);
    await expect(inFlight((signal) => counters.increment({ counterId: 'c', keys: { tenantId: 't' }, increments: { n: 1 } }, { id: 'p0', sequence: 1 }, { signal }))).rejects.toBeInstanceOf(TestAbort);

    expect(await documents.load('a')).toBeNull();
    expect(await counters.find({ equals: { tenantId: 't' } })).toEqual([]);
  });

  it('rejects a read with the abort reason', async () => {
    const documents = createMongooseReadModelStore<{ streamRevision: number; label: string }>(connection, await fresh());
    await documents.save('a', { streamRevision: 0, label: 'there' });

    await expect(inFlight((signal) => documents.load('a', { signal, maxTimeMs: 5_000 }))).rejects.toBeInstanceOf(TestAbort);
    await expect(inFlight((signal) => documents.find({}, { signal }))).rejects.toBeInstanceOf(TestAbort);
  });
});
