/**
 * The little the SQL event store needs from a database: run a statement, and
 * run several inside one transaction. PostgreSQL (node-postgres pool) and the
 * embedded PGlite both implement it, so both run the same SQL.
 */
export type SqlRow = Readonly<Record<string, unknown>>;

export interface SqlQueryable {
  query<TRow extends SqlRow = SqlRow>(sql: string, params?: readonly unknown[]): Promise<TRow[]>;
}

export interface SqlExecutor extends SqlQueryable {
  /**
   * Runs `work` in one READ COMMITTED transaction: commits when it resolves,
   * rolls back and rethrows when it rejects. Statements of `work` must go
   * through the `tx` it receives.
   */
  withTransaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** SQLSTATE 23505; both node-postgres and PGlite expose `code` on their DatabaseError. */
export const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
