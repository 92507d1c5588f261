import mongoose from 'mongoose';
import type { StructuredLog } from '@meridian/platform/kafka';
import { createKafkaClient } from '@meridian/platform/kafka';
import type { WorkerHttpServer } from '@meridian/platform/nest';
import { startWorkerHttpServer } from '@meridian/platform/nest';
import { createMetricsRegistry } from '@meridian/platform/observability';
import type { LiveProjection } from '@meridian/platform/projections';
import { createMongooseGenerations, createStoreBreaker, startLiveProjection } from '@meridian/platform/projections';
import { startConsumerLagMonitor } from './consumer-lag-monitor';
import type { ProjectionsConfig } from './projections.config';
import { registerProjectionsMetrics } from './projections-metrics';
import { readModelCatalogue } from './read-model-catalogue';

export type RunningProjections = Readonly<{
  live: readonly LiveProjection[];
  http: WorkerHttpServer;
  /** Stops every consumer (each finishes its message and commits), then closes the read store. */
  stop: () => Promise<void>;
}>;

const breakerName = 'read-store';

/**
 * Opens the read store, then one live projection (its own consumer group) per
 * configured read model, then /metrics and /health on `config.httpPort`.
 */
export const startProjections = async (config: ProjectionsConfig, log: StructuredLog): Promise<RunningProjections> => {
  const connection = await mongoose.createConnection(config.mongodbUrl, { serverSelectionTimeoutMS: 5_000 }).asPromise();
  const kafka = createKafkaClient({ brokers: config.kafkaBrokers, clientId: config.clientId, log });
  const breaker = createStoreBreaker(breakerName, log, config.breaker);
  const generations = createMongooseGenerations(connection);
  const admin = kafka.admin();
  const live: LiveProjection[] = [];
  const lag = startConsumerLagMonitor(admin, () => live, config.lagIntervalMs, log);
  let http: WorkerHttpServer | undefined;
  let stopping = false;
  const stop = async () => {
    stopping = true;
    lag.stop();
    for (const projection of live) await projection.stop();
    await http?.close();
    await admin.disconnect();
    breaker.shutdown();
    await connection.close();
  };
  try {
    await admin.connect();
    for (const name of config.readModels) {
      live.push(await startLiveProjection({
        kafka, connection, generations, breaker, log,
        definition: readModelCatalogue[name],
        topicPrefix: config.topicPrefix,
        topicSettings: config.topics,
        followIntervalMs: config.followIntervalMs,
        sessionTimeoutMs: config.sessionTimeoutMs,
        maxBatchMessages: config.batchMessages,
        partitionsConsumedConcurrently: config.partitionsConcurrently,
      }));
    }
    const registry = createMetricsRegistry();
    registerProjectionsMetrics(registry, { projections: () => live, breakers: [{ name: breakerName, state: breaker.state }], lagMessages: lag.lag });
    http = await startWorkerHttpServer({
      registry,
      port: config.httpPort,
      live: () => !stopping,
      readiness: {
        // Consumers that stopped for good feed nothing; kafkajs's own reconnects (restart: true) keep them running.
        kafkaConsumers: async () => {
          const stopped = live.filter((p) => !p.running()).map((p) => p.readModel);
          if (stopped.length > 0) throw new Error(`consumers not running: ${stopped.join(', ')}`);
          return { running: live.map((p) => p.readModel) };
        },
        // Open = the read store is failing: consumers are paused, the read models fall behind.
        readStore: async () => {
          const state = breaker.state();
          if (state === 'open') throw new Error('the read-store breaker is open');
          return { breaker: state };
        },
      },
    });
    log('info', `listening on http://0.0.0.0:${http.port}`, { port: http.port, endpoints: ['/metrics', '/health/live', '/health/ready'] });
    void lag.refresh();
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  return { live, http, stop };
};
