import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '@meridian/platform/testing';
import { openSqlExecutor } from '../open-sql-executor';
import type { SqlExecutor } from '../sql-executor';
import { describeCheckpointStoreContract } from '../testing';
import { MemoryCheckpointStore } from './memory-checkpoint-store';
import { SqlCheckpointStore } from './sql-checkpoint-store';

describeCheckpointStoreContract('memory', async () => {
  const store = new MemoryCheckpointStore();
  return { store, reopen: async () => store, cleanup: async () => undefined };
});

describeCheckpointStoreContract('PostgreSQL', async () => {
  const database = await createTestDatabase('meridian_checkpoints');
  const executors: SqlExecutor[] = [];
  const open = async () => {
    const executor = await openSqlExecutor(database.url);
    executors.push(executor);
    return SqlCheckpointStore.open(executor);
  };
  return {
    store: await open(),
    reopen: open,
    cleanup: async () => {
      await Promise.all(executors.map((executor) => executor.close()));
      await database.drop();
    },
  };
});

describeCheckpointStoreContract('embedded (PGlite)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'meridian-checkpoints-'));
  // PGlite allows one executor per directory: a reopen closes the previous one first.
  let executor = await openSqlExecutor(`embedded:${dir}`);
  return {
    store: await SqlCheckpointStore.open(executor),
    reopen: async () => {
      await executor.close();
      executor = await openSqlExecutor(`embedded:${dir}`);
      return SqlCheckpointStore.open(executor);
    },
    cleanup: async () => {
      await executor.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
