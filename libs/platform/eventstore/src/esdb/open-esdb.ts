import type { EsdbClient } from './esdb-client.port';
import { EsdbCheckpointStore } from './esdb-checkpoint-store';
import type { EsdbEventStoreOptions } from './esdb-event-store';
import { EsdbEventStore } from './esdb-event-store';
import type { EsdbResilienceOptions } from './esdb-resilience';
import { createEsdbGuard, defaultEsdbResilience, guardEsdbClient } from './esdb-resilience';
import { connectKurrentDb } from './kurrentdb-client';

export type OpenEsdbOptions = EsdbEventStoreOptions & Readonly<{ resilience?: EsdbResilienceOptions }>;

/**
 * One connection to EventStoreDB/KurrentDB for an `esdb://…`, `esdb+discover://…`,
 * `kurrentdb://…` or `kurrentdb+discover://…` URL, every call retried on
 * transient failures and guarded by its own circuit breaker. Connecting is
 * lazy: a wrong host shows on the first call, not here.
 */
export const connectEsdb = (url: string, name: string, resilience: EsdbResilienceOptions = defaultEsdbResilience): EsdbClient =>
  guardEsdbClient(connectKurrentDb(url), createEsdbGuard(name, resilience));

export const openEsdbEventStore = async (url: string, options: OpenEsdbOptions = {}): Promise<EsdbEventStore> =>
  new EsdbEventStore(connectEsdb(url, 'eventstore-esdb', options.resilience), options);

/** The relay's checkpoints in the same database; `close()` ends its connection. */
export const openEsdbCheckpointStore = async (
  url: string,
  resilience: EsdbResilienceOptions = defaultEsdbResilience,
): Promise<EsdbCheckpointStore> => new EsdbCheckpointStore(connectEsdb(url, 'checkpoints-esdb', resilience));
