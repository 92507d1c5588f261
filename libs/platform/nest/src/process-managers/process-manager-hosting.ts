import mongoose from 'mongoose';
import type { Connection } from 'mongoose';
import type { EventStore } from '@meridian/platform/eventsourcing';
import type { PublicEventCatalogue, StructuredLog, TopicDefaults } from '@meridian/platform/kafka';
import { createEventRouter, createKafkaClient } from '@meridian/platform/kafka';
import type { HostedProcessManager, RunningProjection } from '@meridian/platform/projections';
import { createStoreBreaker, createStoreFeed, startInProcessProjections } from '@meridian/platform/projections';

export type RunningProcessManagers = Readonly<{ stop: () => Promise<void> }>;

/** Standalone: one in-process feed from the event store drives every manager of the module. */
export const startProcessManagersInProcess = async (
  managers: readonly HostedProcessManager[],
  options: Readonly<{ store: EventStore; catalogues: readonly PublicEventCatalogue[]; log: StructuredLog; progress: (line: string) => void }>,
): Promise<RunningProcessManagers> => {
  const topics = [...new Set(managers.flatMap((manager) => manager.topics))];
  const feed = createStoreFeed(options.store, createEventRouter({ catalogues: [...options.catalogues] }), topics);
  const running = await startInProcessProjections({
    feed,
    readModels: managers.map((manager) => manager.bindInMemory()),
    log: options.log,
    progress: options.progress,
  });
  return { stop: running.stop };
};

export type KafkaHostingSettings = Readonly<{
  kafkaBrokers: readonly string[];
  /** Needed only by managers that keep state. */
  mongodbUrl?: string;
  topicPrefix: string;
  topicSettings?: TopicDefaults;
  clientId: string;
}>;

const retryDelayMs = 5_000;

/**
 * Services: one consumer group per manager. Started in the background and
 * retried until Kafka (and MongoDB) answer, so the service takes commands
 * meanwhile; what the managers missed waits for them on the topics.
 */
export const startProcessManagersOnKafka = (
  managers: readonly HostedProcessManager[],
  settings: KafkaHostingSettings,
  log: StructuredLog,
): RunningProcessManagers => {
  const kafka = createKafkaClient({ brokers: settings.kafkaBrokers, clientId: settings.clientId, log });
  const breaker = createStoreBreaker('process-manager-state', log);
  const running: RunningProjection[] = [];
  let connection: Connection | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const startAll = async (): Promise<void> => {
    if (managers.some((manager) => manager.keepsState) && connection === undefined) {
      if (settings.mongodbUrl === undefined) throw new Error('a process manager keeps state: MONGODB_URL is required');
      connection = await mongoose.createConnection(settings.mongodbUrl, { serverSelectionTimeoutMS: 5_000 }).asPromise();
    }
    for (const manager of managers.slice(running.length)) {
      if (stopped) return;
      running.push(await manager.startOnKafka({
        kafka, breaker, log, connection: manager.keepsState ? connection : undefined,
        topicPrefix: settings.topicPrefix, topicSettings: settings.topicSettings,
      }));
      log('info', 'process manager started', { processManager: manager.name });
    }
  };
  const attempt = () => {
    startAll().catch((error: unknown) => {
      if (stopped) return;
      log('error', 'process managers could not start; retrying', { error: String(error), retryInMs: retryDelayMs });
      timer = setTimeout(attempt, retryDelayMs);
    });
  };
  attempt();

  return {
    stop: async () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      // Each consumer finishes its message and commits before disconnecting.
      for (const one of running) await one.stop();
      breaker.shutdown();
      await connection?.close();
    },
  };
};
