import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import type { AppConfig, HttpHostDefinition } from '@meridian/platform/nest';
import { EventStoreModule, ProcessManagersModule } from '@meridian/platform/nest';
import { CustomersModule } from '@meridian/customers/api';
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

/**
 * The customers context on its own: one Kubernetes Deployment in production.
 * For now the write side only: without a customer directory (the read side),
 * registration answers `duplicateCheck: 'unavailable'`.
 */
export const customersServiceHost: HttpHostDefinition = {
  name: 'customers-service',
  openApi: {
    title: 'Meridian customers API',
    description:
      'Customers: registration with duplicate detection, profile, contacts, tags, groups, intent, owner, consents, interactions, merges; ' +
      "one customer read from its stream; the tenant's value-segment policy. Errors are RFC 9457 application/problem+json.",
    version: '0.1.0',
  },
  unusedSettings: (config) => [
    ...(config.otlpEndpoint !== undefined ? [['OTEL_EXPORTER_OTLP_ENDPOINT', 'tracing is not part of this build yet'] as const] : []),
    ...(config.mongodbUrl !== undefined ? [['MONGODB_URL', 'this service has no read side yet'] as const] : []),
  ],
  rootModule: (config: AppConfig): DynamicModule => ({
    module: CustomersServiceModule,
    imports: [EventStoreModule.forRoot(config.eventStoreUrl), CustomersModule, ...processManagersOf(config)],
  }),
};
