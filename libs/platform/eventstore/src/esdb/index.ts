export { EsdbEventStore } from './esdb-event-store';
export type { EsdbEventStoreOptions } from './esdb-event-store';
export { EsdbCheckpointStore, checkpointStreamOf } from './esdb-checkpoint-store';
export { connectEsdb, openEsdbCheckpointStore, openEsdbEventStore } from './open-esdb';
export type { OpenEsdbOptions } from './open-esdb';
export { isEsdbUrl } from './esdb-connection-string';
export { defaultEsdbResilience } from './esdb-resilience';
export type { EsdbBreakerState, EsdbResilienceOptions } from './esdb-resilience';
export type { EsdbClient } from './esdb-client.port';
