import type { CheckpointStore } from '@meridian/platform/eventstore';
import { openFeedWithCheckpoints } from '@meridian/platform/eventstore';
import type { PublicEventCatalogue, StructuredLog } from '@meridian/platform/kafka';
import { createEventRouter, createKafkaClient, createOrderedPublisher, ensureTopics } from '@meridian/platform/kafka';
import type { WorkerHttpServer } from '@meridian/platform/nest';
import { startWorkerHttpServer } from '@meridian/platform/nest';
import { createMetricsRegistry } from '@meridian/platform/observability';
import { Relay } from './relay';
import type { RelayConfig } from './relay.config';
import { registerRelayMetrics } from './relay-metrics';

export type RunningRelay = Readonly<{
  relay: Relay;
  http: WorkerHttpServer;
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
  const producer = createOrderedPublisher(kafka);
  // A long-lived admin client: readiness asks the brokers without opening a connection per probe.
  const admin = kafka.admin();
  // The producer reconnects by itself; a failed send is the one sign it is not getting through, until one succeeds.
  let sendFailure: string | undefined;
  const publisher = {
    ...producer,
    publish: async (messages: Parameters<typeof producer.publish>[0]) => {
      try {
        await producer.publish(messages);
        sendFailure = undefined;
      } catch (error) {
        sendFailure = error instanceof Error ? error.message : String(error);
        throw error;
      }
    },
  };
  let http: WorkerHttpServer | undefined;
  try {
    const checkpoints = options.wrapCheckpoints ? options.wrapCheckpoints(feed.checkpoints) : feed.checkpoints;
    await ensureTopics(kafka, router.topics, config.topics, log);
    await publisher.connect();
    await admin.connect();
    const registry = createMetricsRegistry();
    // Read at scrape time only, by when the relay below exists.
    const observer = registerRelayMetrics(registry, { store, checkpoint: () => relay.checkpoint() });
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
      observer,
    });
    http = await startWorkerHttpServer({
      registry,
      port: config.httpPort,
      live: () => relay.running(),
      readiness: {
        eventStore: async () => ({ headPosition: await store.headPosition() }),
        kafkaProducer: async () => {
          if (sendFailure !== undefined) throw new Error(`the last send failed: ${sendFailure}`);
          return { brokers: (await admin.describeCluster()).brokers.length };
        },
      },
    });
    log('info', `listening on http://0.0.0.0:${http.port}`, { port: http.port, endpoints: ['/metrics', '/health/live', '/health/ready'] });
    relay.start();
    const server = http;
    return {
      relay,
      http: server,
      stop: async () => {
        await relay.stop();
        await server.close();
        await admin.disconnect();
        await publisher.disconnect();
        await feed.close();
      },
    };
  } catch (error) {
    await http?.close().catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
    await publisher.disconnect().catch(() => undefined);
    await feed.close().catch(() => undefined);
    throw error;
  }
};
