import type { Pool, PoolClient } from 'pg';
import type { SqlExecutor, SqlQueryable, SqlRow } from './sql-executor';

/**
 * SqlExecutor over a node-postgres pool. Each transaction holds one pooled
 * connection from BEGIN to COMMIT/ROLLBACK; plain queries take any connection.
 * The executor owns the pool and ends it on close.
 */
export const createPostgresExecutor = (pool: Pool): SqlExecutor => {
  // An idle connection that dies (server restart, network) is dropped by the
  // pool; the next query reports the problem. Without a listener the pool's
  // 'error' event would crash the process.
  pool.on('error', () => undefined);

  return {
    query: async <TRow extends SqlRow = SqlRow>(sql: string, params: readonly unknown[] = []) =>
      (await pool.query(sql, [...params])).rows as TRow[],

    withTransaction: async <T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> => {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(clientQueryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          // The connection is unusable; destroy it rather than return it to the pool.
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },

    close: () => pool.end(),
  };
};

const clientQueryable = (client: PoolClient): SqlQueryable => ({
  query: async <TRow extends SqlRow = SqlRow>(sql: string, params: readonly unknown[] = []) =>
    (await client.query(sql, [...params])).rows as TRow[],
});
