import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import type { AppConfig, HttpHostDefinition } from '@meridian/platform/nest';
import { EventStoreModule } from '@meridian/platform/nest';
import { OrdersModule } from '@meridian/orders/api';

@Module({})
class OrdersServiceModule {}

/** The orders context on its own: one Kubernetes Deployment in production. */
export const ordersServiceHost: HttpHostDefinition = {
  name: 'orders-service',
  openApi: {
    title: 'Meridian orders API',
    description: 'Orders: place, confirm, payments, refunds, cancellation; one order read from its stream. Errors are RFC 9457 application/problem+json.',
    version: '0.1.0',
  },
  unusedSettings: (config) => [
    ...(config.otlpEndpoint !== undefined ? [['OTEL_EXPORTER_OTLP_ENDPOINT', 'tracing is not part of this build yet'] as const] : []),
    ...(config.kafkaBrokers !== undefined ? [['KAFKA_BROKERS', 'this service has no read-model queries; the relay publishes its events'] as const] : []),
    ...(config.mongodbUrl !== undefined ? [['MONGODB_URL', 'this service has no read-model queries'] as const] : []),
  ],
  rootModule: (config: AppConfig): DynamicModule => ({
    module: OrdersServiceModule,
    imports: [EventStoreModule.forRoot(config.eventStoreUrl), OrdersModule],
  }),
};
