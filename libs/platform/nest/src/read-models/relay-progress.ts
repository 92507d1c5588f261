import type { FeedWithCheckpoints } from '@meridian/platform/eventstore';
import { isEsdbUrl, openFeedWithCheckpoints } from '@meridian/platform/eventstore';
import { lazyResource } from '@meridian/platform/projections';

export type RelayProgress = Readonly<{ publishedThrough: () => Promise<number>; storeHead: () => Promise<number>; close: () => Promise<void> }>;

/**
 * How far the relay has published: its checkpoint, which it moves only after
 * Kafka acknowledged the batch. Read from the event store the relay reads
 * (PostgreSQL or EventStoreDB; its own small connection). The embedded store
 * is locked by one process and memory: has no relay, so there read-your-writes
 * over Kafka never succeeds (503 after the bound).
 */
export const relayProgressOf = (eventStoreUrl: string, checkpointName: string): RelayProgress => {
  if (!/^postgres(ql)?:\/\//.test(eventStoreUrl) && !isEsdbUrl(eventStoreUrl)) return { publishedThrough: async () => 0, storeHead: async () => Number.MAX_SAFE_INTEGER, close: async () => undefined };
  const feed = lazyResource<FeedWithCheckpoints>(() => openFeedWithCheckpoints(eventStoreUrl), (opened) => opened.close());
  return {
    publishedThrough: async () => (await feed.get()).checkpoints.load(checkpointName),
    storeHead: async () => (await feed.get()).store.headPosition(),
    close: feed.close,
  };
};
