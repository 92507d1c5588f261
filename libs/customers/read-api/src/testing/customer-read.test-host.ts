import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import type { AppConfig, HttpHostDefinition } from '@meridian/platform/nest';
import { EventStoreModule, ProcessManagersModule } from '@meridian/platform/nest';
import { CustomersModule } from '@meridian/customers/api';
import { customersProcessManagerCatalogues, customersProcessManagers } from '@meridian/customers/process-managers';
import { CustomerReadApiModule } from '../customer-read-api.module';

@Module({})
class CustomerReadTestModule {}

const openApi = { title: 'Customers read API (e2e)', description: 'Customers commands and read side on one store', version: '0.0.0' };

/**
 * The customers context with its read side, as standalone runs it: commands,
 * the order-value process manager and the read models fed in process. The
 * opportunities and orders contexts are not here (only contracts cross a
 * context boundary): specs append their public events to the store instead.
 */
export const customerReadInProcessHost: HttpHostDefinition = {
  name: 'customers-read-in-process',
  openApi,
  rootModule: (config: AppConfig): DynamicModule => ({
    module: CustomerReadTestModule,
    imports: [
      EventStoreModule.forRoot(config.eventStoreUrl),
      CustomersModule,
      CustomerReadApiModule.inProcess(config),
      ProcessManagersModule.register(customersProcessManagers, { kind: 'in-process', catalogues: customersProcessManagerCatalogues }),
    ],
  }),
};

/** As a service runs it: the read side in MongoDB (MONGODB_URL and KAFKA_BROKERS must be set). */
export const customerReadOverMongoHost: HttpHostDefinition = {
  name: 'customers-read-over-mongo',
  openApi,
  rootModule: (config: AppConfig): DynamicModule => {
    if (config.mongodbUrl === undefined || config.kafkaBrokers === undefined) throw new Error('customerReadOverMongoHost needs MONGODB_URL and KAFKA_BROKERS');
    return {
      module: CustomerReadTestModule,
      imports: [
        EventStoreModule.forRoot(config.eventStoreUrl),
        CustomersModule,
        CustomerReadApiModule.overMongo({ ...config, mongodbUrl: config.mongodbUrl, kafkaBrokers: config.kafkaBrokers }),
      ],
    };
  },
};
