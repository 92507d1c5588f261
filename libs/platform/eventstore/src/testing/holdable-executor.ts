import { isReadOnlyStatement } from '../postgres-sql-executor';
import type { SqlExecutor, SqlQueryable, SqlRow } from '../sql-executor';

export type HeldTransaction = Readonly<{
  /** Resolves once the held transaction's work is done and it waits, uncommitted. */
  reached: Promise<void>;
  commit: () => void;
  rollback: () => void;
}>;

/** Thrown out of a held transaction that the test chose to roll back. */
export class HeldTransactionRolledBack extends Error {
  constructor() {
    super('Held transaction rolled back by the test');
    this.name = 'HeldTransactionRolledBack';
  }
}

/**
 * Test seam: wraps an executor so a test can hold the next write open after
 * its statements ran, uncommitted, then commit or roll it back. This is how
 * the late-commit tests park a real append mid-flight without a copy of its
 * SQL. The next write is either a transaction or a single writing statement;
 * the latter runs in a transaction of its own, which is what the server does
 * with it anyway, with the test's pause between its end and its commit (as a
 * slow commit or a descheduled backend would make).
 */
export class HoldableExecutor implements SqlExecutor {
  private armed: { reached: () => void; decision: Promise<'commit' | 'rollback'> } | undefined;

  constructor(private readonly inner: SqlExecutor) {}

  holdNextWrite(): HeldTransaction {
    let reached!: () => void;
    let decide!: (outcome: 'commit' | 'rollback') => void;
    const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
    const decision = new Promise<'commit' | 'rollback'>((resolve) => (decide = resolve));
    this.armed = { reached, decision };
    return { reached: reachedPromise, commit: () => decide('commit'), rollback: () => decide('rollback') };
  }

  query<TRow extends SqlRow = SqlRow>(sql: string, params?: readonly unknown[]): Promise<TRow[]> {
    if (!this.armed || isReadOnlyStatement(sql)) return this.inner.query<TRow>(sql, params);
    return this.withTransaction((tx) => tx.query<TRow>(sql, params));
  }

  withTransaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    const hold = this.armed;
    this.armed = undefined;
    if (!hold) return this.inner.withTransaction(work);
    return this.inner.withTransaction(async (tx) => {
      let result: T;
      try {
        result = await work(tx);
      } finally {
        hold.reached(); // also when the work failed: the test should see that failure, not hang
      }
      if ((await hold.decision) === 'rollback') throw new HeldTransactionRolledBack();
      return result;
    });
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
