import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { openSqlExecutor } from '@meridian/platform/eventstore';
import { openMongooseReadModelStorage, openSqlReadModelStorage, prepareSqlReadStore } from '@meridian/platform/projections';
import type { OpportunityListItem } from './opportunity-list.projection';
import { opportunityListReadModel } from './opportunity-list.projection';
import { ensureOpportunityListIndexes } from './opportunity-list.queries';
import { opportunityListFiltersContract } from './testing/opportunity-list-filters.contract';

// The memory spec's filter queries on the MongoDB-wire server of the test run
// (FerretDB), with the list's indexes, and on the SQL read store (PGlite).
const connection = mongoose.createConnection(process.env.MONGODB_URL ?? '', {
  dbName: `olist_filters_${randomBytes(4).toString('hex')}`,
  serverSelectionTimeoutMS: 5_000,
});
const cleanups: Array<() => Promise<void>> = [];

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  await connection.dropDatabase().catch(() => undefined);
  await connection.close();
});

opportunityListFiltersContract('mongoose (MONGODB_URL)', async () => {
  await connection.asPromise();
  const storage = openMongooseReadModelStorage<OpportunityListItem>(connection, opportunityListReadModel, 1);
  await ensureOpportunityListIndexes(connection, storage.collections);
  return storage;
});

opportunityListFiltersContract('SQL read store, embedded (PGlite)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'meridian-opportunity-list-'));
  const executor = await openSqlExecutor(`embedded:${dir}`);
  cleanups.push(async () => { await executor.close(); await rm(dir, { recursive: true, force: true }); });
  await prepareSqlReadStore(executor);
  return openSqlReadModelStorage<OpportunityListItem>(executor, opportunityListReadModel);
});

describe('opportunity list indexes', () => {
  it('include one for the customer filter and a multikey one for the name search', async () => {
    await connection.asPromise();
    const storage = openMongooseReadModelStorage<OpportunityListItem>(connection, opportunityListReadModel, 2);
    await ensureOpportunityListIndexes(connection, storage.collections);
    await ensureOpportunityListIndexes(connection, storage.collections);
    const names = (await connection.collection(storage.collections.documents).indexes()).map((index) => index.name);
    expect(names).toEqual(expect.arrayContaining(['tenantId_1_customerId_1', 'tenantId_1_searchTerms_1']));
  });
});
