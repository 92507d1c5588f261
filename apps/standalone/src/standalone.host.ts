import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import type { AppConfig, HttpHostDefinition } from '@meridian/platform/nest';
import { EventStoreModule, ProcessManagersModule, ReadStoreModule } from '@meridian/platform/nest';
import { CustomersModule } from '@meridian/customers/api';
import { CustomerImportModule } from '@meridian/customers/import';
import { CustomerReadApiModule } from '@meridian/customers/read-api';
import { OpportunitiesModule } from '@meridian/opportunities/api';
import { OpportunityReadApiModule } from '@meridian/opportunities/read-api';
import { OrdersModule } from '@meridian/orders/api';
import { OrderReadApiModule } from '@meridian/orders/read-api';
import { ordersProcessManagerCatalogues, ordersProcessManagers } from '@meridian/orders/process-managers';
import { customersProcessManagerCatalogues, customersProcessManagers } from '@meridian/customers/process-managers';

@Module({})
class StandaloneModule {}

/**
 * Every context in one process on one port, on the embedded event store by
 * default, with its read models and process-manager state in a read store
 * beside it: what `npm start` runs. The same modules deploy one per service.
 */
export const standaloneHost: HttpHostDefinition = {
  name: 'standalone',
  openApi: {
    title: 'Meridian CRM',
    description: 'Every Meridian context in one process. Errors are RFC 9457 application/problem+json.',
    version: '0.1.0',
  },
  usesReadStore: true,
  unusedSettings: (config) => [
    ...(config.kafkaBrokers !== undefined ? [['KAFKA_BROKERS', 'standalone feeds its read models in process; run the relay and projections processes for Kafka'] as const] : []),
    ...(config.mongodbUrl !== undefined ? [['MONGODB_URL', "standalone keeps its read models in READ_STORE_URL (by default the event store's own database); the services serve them from MongoDB"] as const] : []),
  ],
  rootModule: (config: AppConfig): DynamicModule => ({
    module: StandaloneModule,
    imports: [
      EventStoreModule.forRoot(config.eventStoreUrl),
      ReadStoreModule.forRoot(config.readStoreUrl),
      OpportunitiesModule,
      OpportunityReadApiModule.inProcess(config),
      OrdersModule,
      OrderReadApiModule.inProcess(config),
      CustomersModule,
      CustomerReadApiModule.inProcess(config),
      CustomerImportModule,
      ProcessManagersModule.register(ordersProcessManagers, { kind: 'in-process', catalogues: ordersProcessManagerCatalogues }),
      ProcessManagersModule.register(customersProcessManagers, { kind: 'in-process', catalogues: customersProcessManagerCatalogues }),
    ],
  }),
};
