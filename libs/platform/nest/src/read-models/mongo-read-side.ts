import type { Admin } from 'kafkajs';
import type { Connection } from 'mongoose';
import type { StructuredLog } from '@meridian/platform/kafka';
import { createKafkaClient } from '@meridian/platform/kafka';
import type { ProjectedDocument, ReadModelAccess, ReadModelDefinition } from '@meridian/platform/projections';
import { createStoreBreaker, lazyResource, mongooseReadModelAccess, prefixedTopics } from '@meridian/platform/projections';
import { relayProgressOf } from './relay-progress';

export type MongoReadSideSettings = Readonly<{
  mongodbUrl: string;
  kafkaBrokers: readonly string[];
  topicPrefix: string;
  /** Where the relay keeps its checkpoint (the PostgreSQL event store), and its name. */
  eventStoreUrl: string;
  relayCheckpointName: string;
  log: StructuredLog;
}>;

export type MongoReadSide = Readonly<{
  /** The active generation of one read model, read through the shared connection and breaker. */
  access: <TDocument extends ProjectedDocument>(definition: ReadModelDefinition<TDocument>) => ReadModelAccess<TDocument>;
  close: () => Promise<void>;
}>;

/**
 * A read API's production read side: the generations in MongoDB that the
 * projections process keeps, behind one breaker so an outage answers 503 at
 * once. Nothing is connected at start: a service takes commands whether or
 * not MongoDB and Kafka are up, and queries connect on first use. Every read
 * model of the API shares the connection, the Kafka admin (for
 * read-your-writes) and the relay's progress.
 */
export const openMongoReadSide = (settings: MongoReadSideSettings): MongoReadSide => {
  const connection = lazyResource<Connection>(
    // Loaded on demand: standalone never talks to MongoDB, and the driver is a large share of start-up.
    async () => (await import('mongoose')).default.createConnection(settings.mongodbUrl, { serverSelectionTimeoutMS: 5_000 }).asPromise(),
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
  return {
    access: (definition) =>
      mongooseReadModelAccess({
        connection, admin, breaker, publishedThrough: relay.publishedThrough, storeHead: relay.storeHead,
        readModel: definition.projection.readModel, topics: prefixedTopics(definition, settings.topicPrefix),
      }),
    close: async () => {
      breaker.shutdown();
      await admin.close();
      await connection.close();
      await relay.close();
    },
  };
};
