import mongoose from 'mongoose';
import type { StructuredLog } from '@meridian/platform/kafka';
import { createKafkaClient } from '@meridian/platform/kafka';
import { createMongooseGenerations, createStoreBreaker, mongooseReadModelAccess, prefixedTopics } from '@meridian/platform/projections';
import type { OpportunityListItem } from '@meridian/read-models/opportunity-list';
import { opportunityListDefinition } from '@meridian/read-models/opportunity-list';
import type { FunnelEntry } from '@meridian/read-models/sales-funnel';
import { salesFunnelDefinition } from '@meridian/read-models/sales-funnel';
import type { OpportunityReadModels } from '../shared/opportunity-read-models';

export type MongoReadModelsSettings = Readonly<{
  mongodbUrl: string;
  kafkaBrokers: readonly string[];
  topicPrefix: string;
  maxWaitMs: number;
  log: StructuredLog;
}>;

export type MongoReadModels = Readonly<{ readModels: OpportunityReadModels; close: () => Promise<void> }>;

/**
 * Production read side: the active generations in MongoDB (kept by the
 * projections process), behind a breaker so an outage answers 503 at once.
 * Kafka is only asked for end offsets, to decide read-your-writes.
 */
export const openMongoReadModels = async (settings: MongoReadModelsSettings): Promise<MongoReadModels> => {
  const connection = await mongoose.createConnection(settings.mongodbUrl, { serverSelectionTimeoutMS: 5_000 }).asPromise();
  const admin = createKafkaClient({ brokers: settings.kafkaBrokers, clientId: 'meridian-read-api', log: settings.log }).admin();
  try {
    await admin.connect();
  } catch (error) {
    await connection.close();
    throw error;
  }
  const breaker = createStoreBreaker('read-store', settings.log);
  const generations = createMongooseGenerations(connection);
  const common = { connection, generations, breaker, admin };
  return {
    readModels: {
      opportunityList: mongooseReadModelAccess<OpportunityListItem>({
        ...common, readModel: opportunityListDefinition.projection.readModel, topics: prefixedTopics(opportunityListDefinition, settings.topicPrefix),
      }),
      salesFunnel: mongooseReadModelAccess<FunnelEntry>({
        ...common, readModel: salesFunnelDefinition.projection.readModel, topics: prefixedTopics(salesFunnelDefinition, settings.topicPrefix),
      }),
      maxWaitMs: settings.maxWaitMs,
    },
    close: async () => {
      breaker.shutdown();
      await admin.disconnect();
      await connection.close();
    },
  };
};
