import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SqlExecutor } from '@meridian/platform/eventstore';
import { openSqlExecutor } from '@meridian/platform/eventstore';
import { createTestDatabase } from '@meridian/platform/testing';
import type { TestDatabase } from '@meridian/platform/testing';
import { counterAndProgressContract, readModelQueryContract, readModelStoreContract } from '../testing/read-model-store.contract';
import { storeAbortContract } from '../testing/store-abort.contract';
import { createSqlCounterStore, createSqlProgressStore } from './sql-counter-store';
import { openSqlReadModelStorage } from './sql-read-model-storage';
import { createSqlReadModelStore } from './sql-read-model-store';
import { dropSqlReadModel, prepareSqlReadStore } from './sql-read-store.schema';

type Engine = Readonly<{ name: string; open: () => Promise<{ executor: SqlExecutor; cleanup: () => Promise<void> }> }>;

const engines: Engine[] = [
  {
    name: 'embedded (PGlite)',
    open: async () => {
      const dir = await mkdtemp(join(tmpdir(), 'meridian-read-store-'));
      const executor = await openSqlExecutor(`embedded:${dir}`);
      return { executor, cleanup: async () => { await executor.close(); await rm(dir, { recursive: true, force: true }); } };
    },
  },
  {
    name: 'PostgreSQL (DATABASE_URL)',
    open: async () => {
      const database: TestDatabase = await createTestDatabase('read_store');
      const executor = await openSqlExecutor(database.url);
      return { executor, cleanup: async () => { await executor.close(); await database.drop(); } };
    },
  },
];

for (const engine of engines) {
  describe(`SQL read store on ${engine.name}`, () => {
    let executor: SqlExecutor;
    let cleanup: () => Promise<void>;
    let readModels = 0;
    // Every open is a read model of its own in the shared tables: the contracts also prove they stay apart.
    const fresh = () => `model-${++readModels}`;

    beforeAll(async () => {
      ({ executor, cleanup } = await engine.open());
      await prepareSqlReadStore(executor);
      // Twice: a restart prepares the tables again.
      await prepareSqlReadStore(executor);
    }, 60_000);
    afterAll(async () => cleanup());

    readModelStoreContract(engine.name, async () => createSqlReadModelStore(executor, fresh()));
    readModelQueryContract(engine.name, async () => createSqlReadModelStore(executor, fresh()));
    counterAndProgressContract(engine.name, async () => {
      const readModel = fresh();
      return { counters: createSqlCounterStore(executor, readModel), progress: createSqlProgressStore(executor, readModel) };
    });
    storeAbortContract(engine.name, async () => openSqlReadModelStorage(executor, fresh()));

    it('keeps read models apart, and drops one without touching the other', async () => {
      const [kept, dropped] = [fresh(), fresh()];
      const a = openSqlReadModelStorage<{ streamRevision: number; label: string }>(executor, kept);
      const b = openSqlReadModelStorage<{ streamRevision: number; label: string }>(executor, dropped);
      await a.documents.save('same-id', { streamRevision: 1, label: 'a' });
      await b.documents.save('same-id', { streamRevision: 1, label: 'b' });
      await b.counters.increment({ counterId: 'c', keys: { tenantId: 't' }, increments: { n: 1 } }, { id: 'store', sequence: 1 });
      await b.progress.record({ lane: 'store', sequence: 1, position: 1 });

      await dropSqlReadModel(executor, dropped);

      expect(await a.documents.load('same-id')).toEqual({ streamRevision: 1, label: 'a' });
      expect(await b.documents.load('same-id')).toBeNull();
      expect(await b.counters.find({})).toEqual([]);
      expect(await b.progress.marks()).toEqual([]);
    });

    it('sorts numbers by value and strings by code point, missing fields first', async () => {
      const store = createSqlReadModelStore<{ streamRevision: number; label: string; n?: number }>(executor, fresh());
      for (const [label, n] of [['b', 10], ['a', 9], ['Z', 100], ['é', 2], ['none', undefined]] as const) {
        await store.save(label, { streamRevision: 0, label, ...(n === undefined ? {} : { n }) });
      }
      expect((await store.find({ sort: [['n', 1]] })).map((row) => row.label)).toEqual(['none', 'é', 'a', 'b', 'Z']);
      // Code points: 'Z' (U+005A) < 'a' < 'b' < 'none' < 'é' (U+00E9), whatever the database's collation.
      expect((await store.find({ sort: [['label', 1]] })).map((row) => row.label)).toEqual(['Z', 'a', 'b', 'none', 'é']);
      expect((await store.find({ sort: [['n', -1]], limit: 2 })).map((row) => row.label)).toEqual(['Z', 'b']);
    });
  });
}
