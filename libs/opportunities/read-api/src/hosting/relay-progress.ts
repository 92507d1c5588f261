import type { SqlExecutor } from '@meridian/platform/eventstore';
import { SqlCheckpointStore, openSqlExecutor } from '@meridian/platform/eventstore';
import { lazyResource } from '@meridian/platform/projections';

export type RelayProgress = Readonly<{ publishedThrough: () => Promise<number>; close: () => Promise<void> }>;

/**
 * How far the relay has published: its checkpoint, which it moves only after
 * Kafka acknowledged the batch. Read from the PostgreSQL event store it
 * relays (its own small pool). Other stores have no relay checkpoint to read
 * here, so read-your-writes over Kafka then never succeeds (503 after the bound).
 */
export const relayProgressOf = (eventStoreUrl: string, checkpointName: string): RelayProgress => {
  if (!/^postgres(ql)?:\/\//.test(eventStoreUrl)) return { publishedThrough: async () => 0, close: async () => undefined };
  const checkpoints = lazyResource<{ executor: SqlExecutor; store: SqlCheckpointStore }>(
    async () => {
      const executor = await openSqlExecutor(eventStoreUrl);
      return { executor, store: await SqlCheckpointStore.open(executor) };
    },
    (opened) => opened.executor.close(),
  );
  return {
    publishedThrough: async () => (await checkpoints.get()).store.load(checkpointName),
    close: checkpoints.close,
  };
};
