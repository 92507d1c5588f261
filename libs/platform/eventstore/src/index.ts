export { openEventStore } from './open-event-store';
export { MemoryEventStore } from '@meridian/platform/eventsourcing';
export { SqlEventStore } from './sql-event-store';
export type { SqlExecutor, SqlQueryable, SqlRow } from './sql-executor';
export { createPostgresExecutor } from './postgres-sql-executor';
export { openPgliteExecutor } from './pglite-sql-executor';
