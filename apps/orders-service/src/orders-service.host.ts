import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import type { AppConfig, HttpHostDefinition } from '@meridian/platform/nest';
import { EventStoreModule, ProcessManagersModule } from '@meridian/platform/nest';
import { OrdersModule } from '@meridian/orders/api';
import { OrderReadApiModule } from '@meridian/orders/read-api';
import { ordersProcessManagers } from '@meridian/orders/process-managers';

@Module({})
class OrdersServiceModule {}

/**
 * With Kafka and MongoDB: the won-opportunity drafts (they read `crm.opportunities`
 * and remember each deal's customer in MongoDB) and the order list (the
 * generation the projections process keeps there).
 */
const kafkaSideOf = (config: AppConfig): DynamicModule[] =>
  config.kafkaBrokers !== undefined && config.mongodbUrl !== undefined
    ? [
        ProcessManagersModule.register(ordersProcessManagers, {
          kind: 'kafka',
          settings: { kafkaBrokers: config.kafkaBrokers, mongodbUrl: config.mongodbUrl, topicPrefix: config.kafkaTopicPrefix, clientId: 'meridian-orders-service' },
        }),
        OrderReadApiModule.overMongo({ ...config, mongodbUrl: config.mongodbUrl, kafkaBrokers: config.kafkaBrokers }),
      ]
    : [];

/** The orders context on its own: one Kubernetes Deployment in production. */
export const ordersServiceHost: HttpHostDefinition = {
  name: 'orders-service',
  openApi: {
    title: 'Meridian orders API',
    description: 'Orders: place, confirm, payments, refunds, cancellation; one order read from its stream; the order list (read model). Errors are RFC 9457 application/problem+json.',
    version: '0.1.0',
  },
  unusedSettings: (config) => [
    ...(config.kafkaBrokers !== undefined && config.mongodbUrl === undefined
      ? [['KAFKA_BROKERS', 'the won-opportunity process manager (its state) and the order list (its read model) also need MONGODB_URL; both are off'] as const]
      : []),
  ],
  rootModule: (config: AppConfig): DynamicModule => ({
    module: OrdersServiceModule,
    imports: [EventStoreModule.forRoot(config.eventStoreUrl), OrdersModule, ...kafkaSideOf(config)],
  }),
};
