export { openEventStore } from './open-event-store';
export { MemoryEventStore } from '@meridian/platform/eventsourcing';
export { SqlEventStore } from './sql-event-store';
export type { SqlExecutor, SqlQueryable, SqlRow } from './sql-executor';
export { createPostgresExecutor } from './postgres-sql-executor';
export { openPgliteExecutor } from './pglite-sql-executor';
export { openSqlExecutor } from './open-sql-executor';
export type { CheckpointStore } from './checkpoint/checkpoint-store.port';
export { MemoryCheckpointStore } from './checkpoint/memory-checkpoint-store';
export { SqlCheckpointStore } from './checkpoint/sql-checkpoint-store';
// The EventStoreDB adapter loads its gRPC client (a tenth of a process's modules) only when an esdb:// URL is opened.
export { isEsdbUrl } from './esdb/esdb-connection-string';
export type { EsdbBreakerState, EsdbClient, EsdbEventStoreOptions, EsdbResilienceOptions, OpenEsdbOptions } from './esdb';
export type { FeedWithCheckpoints } from './open-feed-with-checkpoints';
export { openFeedWithCheckpoints } from './open-feed-with-checkpoints';
