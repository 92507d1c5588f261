import { setTimeout as sleep } from 'node:timers/promises';
import type { Pool, PoolClient } from 'pg';
import type { SqlExecutor, SqlQueryable, SqlRow } from './sql-executor';

export type PostgresRetryOptions = Readonly<{
  /** Tries per call on a transient error (1 = no retry). */
  attempts: number;
  /** Back-off before retry n is random in [0, min(maxDelayMs, baseDelayMs · 2^(n-1))): full jitter, so instances do not retry in step. */
  baseDelayMs: number;
  maxDelayMs: number;
}>;

/** The EventStoreDB guard's figures: four tries within about 1.75 s at worst, then the error surfaces. */
export const defaultPostgresRetry: PostgresRetryOptions = { attempts: 4, baseDelayMs: 50, maxDelayMs: 1_000 };

export type PostgresRetryDependencies = Readonly<{ wait: (ms: number) => Promise<unknown>; random: () => number }>;

/** Socket-level failures: the server went away, restarted or is briefly unreachable. */
const transientNodeCodes = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/**
 * SQLSTATEs that say "this connection or server, now", not "this statement":
 * class 08 (connection exception), 57P01/57P02/57P03 (admin or crash
 * shutdown, cannot connect now: a restart or failover), 53300 (too many
 * connections). Class 40 (serialization failure, deadlock) is left out: it
 * means re-running a whole transaction, which only its caller can decide.
 */
const transientSqlStates = new Set(['57P01', '57P02', '57P03', '53300']);
/** node-postgres reports a dropped connection or a pool connect timeout without a code. */
const transientMessages = /Connection terminated|connection timeout|timeout exceeded when trying to connect/i;

export const isTransientPostgresError = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (transientNodeCodes.has(code) || transientSqlStates.has(code) || code.startsWith('08'))) return true;
  return code === undefined && error instanceof Error && transientMessages.test(error.message);
};

/**
 * A statement that cannot change anything, so running it twice is harmless:
 * a plain SELECT with no locking clause and no call of a function that writes
 * (our position allocator, sequences, advisory locks). Conservative: anything
 * else counts as a write.
 */
export const isReadOnlyStatement = (sql: string): boolean =>
  /^\s*SELECT\b/i.test(sql) && !/\b(INSERT|UPDATE|DELETE|MERGE|FOR\s+(NO\s+KEY\s+)?UPDATE|FOR\s+(KEY\s+)?SHARE|nextval|setval|pg_advisory\w*|events_allocate_positions|events_append)\b/i.test(sql);

/**
 * SqlExecutor over a node-postgres pool. Each transaction holds one pooled
 * connection from BEGIN to COMMIT/ROLLBACK; plain queries take any connection.
 * The executor owns the pool and ends it on close.
 *
 * Retries, on transient errors only (`isTransientPostgresError`), with
 * jittered exponential back-off:
 * - getting a connection, for every call: nothing was sent yet;
 * - a plain read-only statement (`isReadOnlyStatement`) that failed on the wire;
 * - BEGIN of a transaction: none of its work has run.
 * Never retried here: a plain write, and a transaction whose work or COMMIT
 * failed. After a lost connection at COMMIT the outcome is unknown; re-running
 * it is safe only where the work is idempotent. The SQL event store's append
 * is (a repeated batch is found by its event ids and replayed, not stored
 * twice), so its callers may retry it; the checkpoint store's writes share
 * this executor and carry no such guarantee, so the executor does not.
 */
export const createPostgresExecutor = (
  pool: Pool,
  retry: PostgresRetryOptions = defaultPostgresRetry,
  { wait, random }: PostgresRetryDependencies = { wait: sleep, random: Math.random },
): SqlExecutor => {
  // An idle connection that dies (server restart, network) is dropped by the
  // pool; the next query reports the problem. Without a listener the pool's
  // 'error' event would crash the process.
  pool.on('error', () => undefined);

  const withRetry = async <T>(call: () => Promise<T>, retriable: (error: unknown) => boolean): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        if (attempt >= retry.attempts || !retriable(error)) throw error;
        await wait(random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1)));
      }
    }
  };
  const connect = () => pool.connect();
  /** One statement on a connection; a transient failure destroys the connection instead of returning it to the pool. */
  const runOn = async <TRow extends SqlRow>(client: PoolClient, sql: string, params: readonly unknown[]): Promise<TRow[]> => {
    let broken: Error | undefined;
    try {
      return (await client.query(sql, [...params])).rows as TRow[];
    } catch (error) {
      if (isTransientPostgresError(error)) broken = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      client.release(broken);
    }
  };

  return {
    // A read retries as a whole (connection and statement); a write only while getting its connection.
    query: async <TRow extends SqlRow = SqlRow>(sql: string, params: readonly unknown[] = []) =>
      isReadOnlyStatement(sql)
        ? withRetry(async () => runOn<TRow>(await connect(), sql, params), isTransientPostgresError)
        : runOn<TRow>(await withRetry(connect, isTransientPostgresError), sql, params),

    withTransaction: async <T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> => {
      // Only getting the connection and BEGIN are retried: nothing of `work` has run before them.
      const client = await withRetry(async () => {
        const candidate = await connect();
        try {
          await candidate.query('BEGIN');
          return candidate;
        } catch (error) {
          candidate.release(error instanceof Error ? error : new Error(String(error)));
          throw error;
        }
      }, isTransientPostgresError);
      let broken: Error | undefined;
      try {
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
