import type { EventStore } from '@meridian/platform/eventsourcing';
import type { CheckpointStore } from './checkpoint/checkpoint-store.port';
import { SqlCheckpointStore } from './checkpoint/sql-checkpoint-store';
import { isEsdbUrl } from './esdb/esdb-connection-string';
import { openSqlExecutor } from './open-sql-executor';
import { SqlEventStore } from './sql-event-store';

export type FeedWithCheckpoints = Readonly<{ store: EventStore; checkpoints: CheckpointStore; close: () => Promise<void> }>;

/**
 * What a feed reader (the relay) needs: the store and its checkpoints, kept
 * in the same database so they are backed up and restored together:
 * `relay_checkpoints` in PostgreSQL or PGlite, `relaycheckpoint-<name>`
 * streams in EventStoreDB/KurrentDB (one shared connection).
 */
export const openFeedWithCheckpoints = async (url: string): Promise<FeedWithCheckpoints> => {
  if (isEsdbUrl(url)) {
    // Loaded on demand, as in openEventStore.
    const [{ EsdbCheckpointStore }, { EsdbEventStore }, { connectEsdb }] = await Promise.all([
      import('./esdb/esdb-checkpoint-store'), import('./esdb/esdb-event-store'), import('./esdb/open-esdb'),
    ]);
    const client = connectEsdb(url, 'feed');
    const store = new EsdbEventStore(client);
    return { store, checkpoints: new EsdbCheckpointStore(client), close: () => store.close() };
  }
  if (!/^(postgres|postgresql|embedded):/.test(url.trim())) throw new Error('a feed with checkpoints needs postgres://…, embedded:<dir> or esdb://…');
  // The store owns the executor and closes it; the checkpoint store borrows it.
  const executor = await openSqlExecutor(url);
  const store = await SqlEventStore.open(executor);
  try {
    return { store, checkpoints: await SqlCheckpointStore.open(executor), close: () => store.close() };
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
};
