import { mkdir } from 'node:fs/promises';
import type { Transaction } from '@electric-sql/pglite';
import type { PGlite } from '@electric-sql/pglite';
import { PGlite as Pglite, types } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock';
import type { SqlExecutor, SqlQueryable, SqlRow } from './sql-executor';

/**
 * SqlExecutor over PGlite (PostgreSQL compiled to WebAssembly) with its data in
 * a directory, no server.
 *
 * Durability: a commit's files are written before the call returns, so it
 * survives the process being killed; PGlite does not fsync on Node, so an OS
 * crash or power loss may lose the latest commits (use PostgreSQL where that
 * matters). One process per data directory, enforced by a lock file.
 *
 * PGlite is one single-user backend: a statement sent while another caller's
 * transaction is open would silently run inside that transaction. Every
 * statement and transaction therefore takes its turn through one in-process
 * queue, which also serialises concurrent appends.
 */
export const openPgliteExecutor = async (dataDir: string): Promise<SqlExecutor> => {
  await mkdir(dataDir, { recursive: true });
  const lock = await lockDataDir(dataDir);
  const parseJson = (text: string): unknown => JSON.parse(text);
  let db: PGlite;
  try {
    db = await Pglite.create(dataDir, { parsers: { [types.JSON]: parseJson, [types.JSONB]: parseJson } });
  } catch (error) {
    await lock.release();
    throw error;
  }
  const exclusive = createTurnQueue();

  return {
    query: <TRow extends SqlRow = SqlRow>(sql: string, params: readonly unknown[] = []) =>
      exclusive(async () => ownRows((await db.query<TRow>(sql, [...params])).rows)),

    withTransaction: <T>(work: (tx: SqlQueryable) => Promise<T>) =>
      exclusive(() => db.transaction((tx) => work(transactionQueryable(tx)))),

    close: () => exclusive(async () => {
      await db.close();
      await lock.release();
    }),
  };
};

/** Plain arrays of plain objects: callers must not depend on PGlite's result types. */
const ownRows = <TRow extends SqlRow>(rows: readonly TRow[]): TRow[] => Array.from(rows, (row) => ({ ...row }));

const transactionQueryable = (tx: Transaction): SqlQueryable => ({
  query: async <TRow extends SqlRow = SqlRow>(sql: string, params: readonly unknown[] = []) =>
    ownRows((await tx.query<TRow>(sql, [...params])).rows),
});

/**
 * Runs tasks one at a time in call order; a failed task does not block the
 * next (`tail` never rejects). Each turn starts from the event loop
 * (`setImmediate`): PGlite itself answers without leaving the microtask
 * queue, so a busy caller (a catch-up of thousands of statements) would
 * otherwise hold off every timer, socket and request until it finished.
 */
const createTurnQueue = () => {
  let tail: Promise<unknown> = Promise.resolve();
  const fromEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
  return <T>(task: () => Promise<T>): Promise<T> => {
    const turn = tail.then(fromEventLoop).then(task);
    tail = turn.catch(() => undefined);
    return turn;
  };
};
