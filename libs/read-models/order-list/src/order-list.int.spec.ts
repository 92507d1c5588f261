import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import type { SqlExecutor } from '@meridian/platform/eventstore';
import { openSqlExecutor } from '@meridian/platform/eventstore';
import { openMongooseReadModelStorage, openSqlReadModelStorage, prepareSqlReadStore } from '@meridian/platform/projections';
import type { TestDatabase } from '@meridian/platform/testing';
import { createTestDatabase } from '@meridian/platform/testing';
import type { OrderListItem } from './order-list.projection';
import { orderListReadModel } from './order-list.projection';
import { ensureOrderListIndexes } from './order-list.queries';
import { orderListQueriesContract } from './testing/order-list-queries.contract';

// The same queries as the memory spec, on every real read store: the
// MongoDB-wire server of the test run (FerretDB) that the projections process
// writes, and the SQL read store standalone mode keeps on PGlite or PostgreSQL.
const connection = mongoose.createConnection(process.env.MONGODB_URL ?? '', {
  dbName: `order_list_${randomBytes(4).toString('hex')}`,
  serverSelectionTimeoutMS: 5_000,
});
let generation = 0;
const cleanups: Array<() => Promise<void>> = [];

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  await connection.dropDatabase().catch(() => undefined);
  await connection.close();
});

orderListQueriesContract('mongoose (MONGODB_URL)', async () => {
  await connection.asPromise();
  const storage = openMongooseReadModelStorage<OrderListItem>(connection, orderListReadModel, ++generation);
  await ensureOrderListIndexes(connection, storage.collections);
  return storage;
});

const sqlStorage = async (executor: SqlExecutor) => {
  await prepareSqlReadStore(executor);
  return openSqlReadModelStorage<OrderListItem>(executor, orderListReadModel);
};

orderListQueriesContract('SQL read store, embedded (PGlite)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'meridian-order-list-'));
  const executor = await openSqlExecutor(`embedded:${dir}`);
  cleanups.push(async () => { await executor.close(); await rm(dir, { recursive: true, force: true }); });
  return sqlStorage(executor);
});

orderListQueriesContract('SQL read store, PostgreSQL (DATABASE_URL)', async () => {
  const database: TestDatabase = await createTestDatabase('order_list');
  const executor = await openSqlExecutor(database.url);
  cleanups.push(async () => { await executor.close(); await database.drop(); });
  return sqlStorage(executor);
});

describe('order list indexes', () => {
  it('are created once and again without error (idempotent), one per sort field and filter', async () => {
    await connection.asPromise();
    const storage = openMongooseReadModelStorage<OrderListItem>(connection, orderListReadModel, ++generation);
    await ensureOrderListIndexes(connection, storage.collections);
    await ensureOrderListIndexes(connection, storage.collections);
    const names = (await connection.collection(storage.collections.documents).indexes()).map((index) => index.name);
    expect(names).toEqual(expect.arrayContaining([
      'tenantId_1_placedAt_1_orderId_1', 'tenantId_1_total_1_orderId_1', 'tenantId_1_customerId_1_placedAt_1',
      'tenantId_1_status_1_placedAt_1', 'tenantId_1_opportunityId_1',
    ]));
  });
});
