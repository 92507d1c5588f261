import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import type { AppConfig, HttpHostDefinition } from '@meridian/platform/nest';
import { EventStoreModule, ProcessManagersModule } from '@meridian/platform/nest';
import { CustomersModule } from '@meridian/customers/api';
import { CustomerImportModule } from '@meridian/customers/import';
import { CustomerReadApiModule } from '@meridian/customers/read-api';
import { customersProcessManagers } from '@meridian/customers/process-managers';

@Module({})
class CustomersServiceModule {}

/** The order-value segments read `crm.orders` and keep no state: Kafka is all they need. */
const processManagersOf = (config: AppConfig): DynamicModule[] =>
  config.kafkaBrokers === undefined
    ? []
    : [ProcessManagersModule.register(customersProcessManagers, {
        kind: 'kafka',
        settings: { kafkaBrokers: config.kafkaBrokers, topicPrefix: config.kafkaTopicPrefix, clientId: 'meridian-customers-service' },
      })];

/** The list, 360, segments and the customer directory (duplicates, imports) need the read store. */
const readSideOf = (config: AppConfig): DynamicModule[] =>
  config.mongodbUrl !== undefined && config.kafkaBrokers !== undefined
    ? [CustomerReadApiModule.overMongo({ ...config, mongodbUrl: config.mongodbUrl, kafkaBrokers: config.kafkaBrokers })]
    : [];

/**
 * The customers context on its own: one Kubernetes Deployment in production.
 * Without MONGODB_URL and KAFKA_BROKERS it still takes commands; registration
 * then answers `duplicateCheck: 'unavailable'` and imports answer 503.
 */
export const customersServiceHost: HttpHostDefinition = {
  name: 'customers-service',
  openApi: {
    title: 'Meridian customers API',
    description:
      'Customers: registration with duplicate detection, profile, contacts, tags, groups, intent, owner, consents, interactions, merges; ' +
      "one customer read from its stream; CSV imports; the list and search, customer 360 and timeline, value segments and their sweep; " +
      "the tenant's value-segment policy. Errors are RFC 9457 application/problem+json.",
    version: '0.1.0',
  },
  rootModule: (config: AppConfig): DynamicModule => ({
    module: CustomersServiceModule,
    imports: [EventStoreModule.forRoot(config.eventStoreUrl), CustomersModule, ...readSideOf(config), CustomerImportModule, ...processManagersOf(config)],
  }),
};
