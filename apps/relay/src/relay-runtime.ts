import type { CheckpointStore } from '@meridian/platform/eventstore';
import { openFeedWithCheckpoints } from '@meridian/platform/eventstore';
import type { PublicEventCatalogue, StructuredLog } from '@meridian/platform/kafka';
import { createEventRouter, createKafkaClient, createOrderedPublisher, ensureTopics } from '@meridian/platform/kafka';
import { Relay } from './relay';
import type { RelayConfig } from './relay.config';

export type RunningRelay = Readonly<{
  relay: Relay;
  /** Finishes the in-flight batch and its checkpoint, then disconnects and closes the store. */
  stop: () => Promise<void>;
}>;

export type RelayRuntimeOptions = Readonly<{
  /** Lets tests put a fault-injecting fake in front of the real checkpoint store. */
  wrapCheckpoints?: (checkpoints: CheckpointStore) => CheckpointStore;
  retryDelayMs?: number;
}>;

/**
 * Wires the relay: event store and checkpoints on one database connection
 * (so they are backed up and restored together), topics created if missing,
 * an idempotent producer, then the loop. Anything that fails on the way up is
 * closed again before the error propagates.
 */
export const startRelay = async (
  config: RelayConfig,
  catalogues: readonly PublicEventCatalogue[],
  log: StructuredLog,
  options: RelayRuntimeOptions = {},
): Promise<RunningRelay> => {
  const router = createEventRouter({ catalogues, topicPrefix: config.topicPrefix });
  const feed = await openFeedWithCheckpoints(config.eventStoreUrl);
  const { store } = feed;
  const kafka = createKafkaClient({ brokers: config.kafkaBrokers, clientId: config.clientId, log });
  const publisher = createOrderedPublisher(kafka);
  try {
    const checkpoints = options.wrapCheckpoints ? options.wrapCheckpoints(feed.checkpoints) : feed.checkpoints;
    await ensureTopics(kafka, router.topics, config.topics, log);
    await publisher.connect();
    const relay = new Relay({
      store,
      checkpoints,
      router,
      publisher,
      log,
      checkpointName: config.checkpointName,
      batchSize: config.batchSize,
      pollIntervalMs: config.pollIntervalMs,
      retryDelayMs: options.retryDelayMs,
    });
    relay.start();
    return {
      relay,
      stop: async () => {
        await relay.stop();
        await publisher.disconnect();
        await feed.close();
      },
    };
  } catch (error) {
    await publisher.disconnect().catch(() => undefined);
    await feed.close().catch(() => undefined);
    throw error;
  }
};
