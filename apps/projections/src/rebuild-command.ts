import mongoose from 'mongoose';
import { openEventStore } from '@meridian/platform/eventstore';
import type { StructuredLog } from '@meridian/platform/kafka';
import { createEventRouter, createKafkaClient } from '@meridian/platform/kafka';
import type { RebuildResult } from '@meridian/platform/projections';
import { createMongooseGenerations, createStoreBreaker, rebuildReadModel } from '@meridian/platform/projections';
import { publicCatalogues } from '@meridian/contexts/catalogues';
import type { ProjectionsConfig } from './projections.config';
import { readModelCatalogue, readModelNames } from './read-model-catalogue';

export class UnknownReadModel extends Error {
  constructor(name: string) {
    super(`unknown read model "${name}" (known: ${readModelNames.join(', ')})`);
    this.name = 'UnknownReadModel';
  }
}

/**
 * `projections rebuild <read-model>`: rebuilds one read model from the event
 * store into a fresh generation while the live one keeps serving, then swaps
 * it in. Progress lines go to `print` (stderr in the CLI).
 */
export const runRebuild = async (config: ProjectionsConfig, name: string, log: StructuredLog, print: (line: string) => void): Promise<RebuildResult> => {
  const definition = readModelCatalogue[name];
  if (definition === undefined) throw new UnknownReadModel(name);
  const store = await openEventStore(config.eventStoreUrl);
  const connection = await mongoose.createConnection(config.mongodbUrl, { serverSelectionTimeoutMS: 5_000 }).asPromise();
  const breaker = createStoreBreaker('read-store', log, config.breaker);
  try {
    return await rebuildReadModel({
      store,
      router: createEventRouter({ catalogues: publicCatalogues, topicPrefix: config.topicPrefix }),
      kafka: createKafkaClient({ brokers: config.kafkaBrokers, clientId: `${config.clientId}-rebuild`, log }),
      connection,
      generations: createMongooseGenerations(connection),
      definition,
      breaker,
      log,
      progress: print,
      topicPrefix: config.topicPrefix,
      topicSettings: config.topics,
      documentsInMemory: config.rebuildDocumentsInMemory,
      retireTimeoutMs: Math.max(3 * config.followIntervalMs, 10_000),
      retireGraceMs: Math.max(2 * config.followIntervalMs, 1_000),
    });
  } finally {
    breaker.shutdown();
    await connection.close();
    await store.close();
  }
};
