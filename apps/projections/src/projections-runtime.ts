import mongoose from 'mongoose';
import type { StructuredLog } from '@meridian/platform/kafka';
import { createKafkaClient } from '@meridian/platform/kafka';
import type { LiveProjection } from '@meridian/platform/projections';
import { createMongooseGenerations, createStoreBreaker, startLiveProjection } from '@meridian/platform/projections';
import type { ProjectionsConfig } from './projections.config';
import { readModelCatalogue } from './read-model-catalogue';

export type RunningProjections = Readonly<{
  live: readonly LiveProjection[];
  /** Stops every consumer (each finishes its message and commits), then closes the read store. */
  stop: () => Promise<void>;
}>;

/** Opens the read store, then one live projection (its own consumer group) per configured read model. */
export const startProjections = async (config: ProjectionsConfig, log: StructuredLog): Promise<RunningProjections> => {
  const connection = await mongoose.createConnection(config.mongodbUrl, { serverSelectionTimeoutMS: 5_000 }).asPromise();
  const kafka = createKafkaClient({ brokers: config.kafkaBrokers, clientId: config.clientId, log });
  const breaker = createStoreBreaker('read-store', log, config.breaker);
  const generations = createMongooseGenerations(connection);
  const live: LiveProjection[] = [];
  const stop = async () => {
    for (const projection of live) await projection.stop();
    breaker.shutdown();
    await connection.close();
  };
  try {
    for (const name of config.readModels) {
      live.push(await startLiveProjection({
        kafka, connection, generations, breaker, log,
        definition: readModelCatalogue[name],
        topicPrefix: config.topicPrefix,
        topicSettings: config.topics,
        followIntervalMs: config.followIntervalMs,
        sessionTimeoutMs: config.sessionTimeoutMs,
      }));
    }
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  return { live, stop };
};
