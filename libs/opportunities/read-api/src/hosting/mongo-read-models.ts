import type { Admin } from 'kafkajs';
import mongoose from 'mongoose';
import type { Connection } from 'mongoose';
import type { StructuredLog } from '@meridian/platform/kafka';
import { createKafkaClient } from '@meridian/platform/kafka';
import { createStoreBreaker, lazyResource, mongooseReadModelAccess, prefixedTopics } from '@meridian/platform/projections';
import type { OpportunityListItem } from '@meridian/read-models/opportunity-list';
import { opportunityListDefinition } from '@meridian/read-models/opportunity-list';
import type { FunnelEntry } from '@meridian/read-models/sales-funnel';
import { salesFunnelDefinition } from '@meridian/read-models/sales-funnel';
import type { OpportunityReadModels } from '../shared/opportunity-read-models';
import { relayProgressOf } from './relay-progress';

export type MongoReadModelsSettings = Readonly<{
  mongodbUrl: string;
  kafkaBrokers: readonly string[];
  topicPrefix: string;
  maxWaitMs: number;
  /** Where the relay keeps its checkpoint (the PostgreSQL event store), and its name. */
  eventStoreUrl: string;
  relayCheckpointName: string;
  log: StructuredLog;
}>;

export type MongoReadModels = Readonly<{ readModels: OpportunityReadModels; close: () => Promise<void> }>;

/**
 * Production read side: the active generations in MongoDB (kept by the
 * projections process), behind a breaker so an outage answers 503 at once.
 * Nothing here is connected at start: the service takes commands whether or
 * not MongoDB and Kafka are up, and queries connect on first use.
 */
export const openMongoReadModels = (settings: MongoReadModelsSettings): MongoReadModels => {
  const connection = lazyResource<Connection>(
    () => mongoose.createConnection(settings.mongodbUrl, { serverSelectionTimeoutMS: 5_000 }).asPromise(),
    (opened) => opened.close(),
  );
  const admin = lazyResource<Admin>(
    async () => {
      const client = createKafkaClient({ brokers: settings.kafkaBrokers, clientId: 'meridian-read-api', log: settings.log }).admin();
      await client.connect();
      return client;
    },
    (opened) => opened.disconnect(),
  );
  const relay = relayProgressOf(settings.eventStoreUrl, settings.relayCheckpointName);
  const breaker = createStoreBreaker('read-store', settings.log);
  const common = { connection, admin, breaker, publishedThrough: relay.publishedThrough };
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
      await admin.close();
      await connection.close();
      await relay.close();
    },
  };
};
