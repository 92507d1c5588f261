import { resolve } from 'node:path';
import { Pool } from 'pg';
import { openPgliteExecutor } from './pglite-sql-executor';
import { createPostgresExecutor } from './postgres-sql-executor';
import { openSharedEmbedded } from './shared-embedded-executors';
import type { SqlExecutor } from './sql-executor';

/**
 * Opens the SQL database a `postgres://…` or `embedded:<dir>` URL names, for
 * callers that keep more than events in it (the relay's checkpoints live
 * beside the events, in the same database). An embedded database opened
 * twice in one process is one PGlite, shared. Only the scheme is echoed in errors.
 */
export const openSqlExecutor = async (url: string): Promise<SqlExecutor> => {
  const trimmed = url.trim();
  if (/^postgres(ql)?:/i.test(trimmed)) return createPostgresExecutor(new Pool({ connectionString: trimmed }));
  if (trimmed.startsWith('embedded:')) {
    const dir = trimmed.slice('embedded:'.length);
    if (dir === '') throw new Error('Event store URL "embedded:" needs a directory, e.g. embedded:.meridian-data/events');
    return openSharedEmbedded(resolve(dir), openPgliteExecutor);
  }
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(trimmed)?.[0].toLowerCase() ?? '(none)';
  throw new Error(`A SQL database URL must be postgres://… or embedded:<dir>; got scheme "${scheme}"`);
};
