import type { Connection } from 'mongoose';
import type { EventStore } from '@meridian/platform/eventsourcing';
import type { PublicEventCatalogue, StructuredLog, TopicDefaults } from '@meridian/platform/kafka';
import { createEventRouter, createKafkaClient } from '@meridian/platform/kafka';
import type { ProcessManagerMetrics, ReactionOutcome } from '@meridian/platform/observability';
import { observeBreakerState, processManagerMetrics } from '@meridian/platform/observability';
import type { HostedProcessManager, InProcessReadStore, RunningProjection } from '@meridian/platform/projections';
import type { InProcessProjections } from '@meridian/platform/projections';
import { createStoreBreaker, createStoreFeed, startInProcessProjections } from '@meridian/platform/projections';
import type { Registry } from 'prom-client';
import { startProcessManagerLag } from './process-manager-lag';

export type RunningProcessManagers = Readonly<{ stop: () => Promise<void> }>;

/** Counts each manager's reactions in the host's metrics (every outcome exported at 0 from the start). */
const reactionsCounted = (managers: readonly HostedProcessManager[], metrics: ProcessManagerMetrics | undefined) => {
  for (const manager of managers) metrics?.declare(manager.name);
  return (manager: HostedProcessManager) => (metrics === undefined ? undefined : (outcome: ReactionOutcome) => metrics.reaction(manager.name, outcome));
};

/**
 * Standalone: one in-process feed from the event store drives every manager
 * of the module; each keeps its state and progress mark in the host's read
 * store (`pm.<name>`), so a restart resumes instead of reacting to the whole
 * history again.
 */
export const startProcessManagersInProcess = async (
  managers: readonly HostedProcessManager[],
  options: Readonly<{
    store: EventStore; readStore: InProcessReadStore; catalogues: readonly PublicEventCatalogue[]; log: StructuredLog; progress: (line: string) => void; registry?: Registry;
    startWhen?: Promise<unknown>;
  }>,
): Promise<RunningProcessManagers & Readonly<{ projections: InProcessProjections }>> => {
  const observerOf = reactionsCounted(managers, options.registry === undefined ? undefined : processManagerMetrics(options.registry));
  const topics = [...new Set(managers.flatMap((manager) => manager.topics))];
  const feed = createStoreFeed(options.store, createEventRouter({ catalogues: [...options.catalogues] }), topics);
  const running = await startInProcessProjections({
    feed,
    readModels: managers.map((manager) => manager.bindInProcess(options.readStore.open(`pm.${manager.name}`).storage, observerOf(manager))),
    log: options.log,
    progress: options.progress,
    label: 'process managers',
    ...(options.startWhen === undefined ? {} : { startWhen: options.startWhen }),
  });
  return { stop: running.stop, projections: running };
};

export type KafkaHostingSettings = Readonly<{
  kafkaBrokers: readonly string[];
  /** Needed only by managers that keep state. */
  mongodbUrl?: string;
  topicPrefix: string;
  topicSettings?: TopicDefaults;
  clientId: string;
  /** How often each manager's consumer-group lag is measured for /metrics (default 15 s). */
  lagIntervalMs?: number;
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
  registry?: Registry,
): RunningProcessManagers => {
  const kafka = createKafkaClient({ brokers: settings.kafkaBrokers, clientId: settings.clientId, log });
  const breaker = createStoreBreaker('process-manager-state', log);
  const running: RunningProjection[] = [];
  const metrics = registry === undefined ? undefined : processManagerMetrics(registry);
  const observerOf = reactionsCounted(managers, metrics);
  const unobserve = registry === undefined ? [] : [observeBreakerState(registry, { name: 'process-manager-state', state: breaker.state })];
  const lag = startProcessManagerLag(kafka.admin(), () => (metrics === undefined ? [] : running), settings.lagIntervalMs ?? 15_000, log);
  let connection: Connection | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const startAll = async (): Promise<void> => {
    if (managers.some((manager) => manager.keepsState) && connection === undefined) {
      if (settings.mongodbUrl === undefined) throw new Error('a process manager keeps state: MONGODB_URL is required');
      // Loaded on demand, as in mongo-read-side.ts.
      connection = await (await import('mongoose')).default.createConnection(settings.mongodbUrl, { serverSelectionTimeoutMS: 5_000 }).asPromise();
    }
    for (const manager of managers.slice(running.length)) {
      if (stopped) return;
      const consumer = await manager.startOnKafka({
        kafka, breaker, log, connection: manager.keepsState ? connection : undefined,
        topicPrefix: settings.topicPrefix, topicSettings: settings.topicSettings, observe: observerOf(manager),
      });
      running.push(consumer);
      if (metrics !== undefined) {
        unobserve.push(metrics.follow({
          processManager: manager.name,
          deadLetters: () => consumer.counts()['dead-lettered'],
          lagMessages: () => lag.lag(consumer.groupId),
        }));
        // A first figure now rather than one interval later.
        void lag.refresh();
      }
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
      await lag.stop();
      for (const stop of unobserve) stop();
      breaker.shutdown();
      await connection?.close();
    },
  };
};
