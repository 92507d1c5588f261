import type { SqlExecutor } from './sql-executor';

type Shared = { opening: Promise<SqlExecutor>; users: number };

const open = new Map<string, Shared>();

/**
 * One PGlite per data directory per process, shared by whoever opens it
 * (standalone's event store and its read store live in one database): a
 * second PGlite on the same files would corrupt them, and the lock file
 * would refuse it anyway. Each opener gets its own handle; the database
 * closes when the last handle does.
 */
export const openSharedEmbedded = async (dataDir: string, openExecutor: (dir: string) => Promise<SqlExecutor>): Promise<SqlExecutor> => {
  let shared = open.get(dataDir);
  if (shared === undefined) {
    const opening = openExecutor(dataDir);
    shared = { opening, users: 0 };
    open.set(dataDir, shared);
    // A failed open is not shared: the next opener tries again.
    opening.catch(() => open.delete(dataDir));
  }
  const entry = shared;
  entry.users++;
  let executor: SqlExecutor;
  try {
    executor = await entry.opening;
  } catch (error) {
    entry.users--;
    throw error;
  }
  let closed = false;
  return {
    query: (sql, params) => executor.query(sql, params),
    withTransaction: (work) => executor.withTransaction(work),
    close: async () => {
      if (closed) return;
      closed = true;
      if (--entry.users > 0) return;
      open.delete(dataDir);
      await executor.close();
    },
  };
};
