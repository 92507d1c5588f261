import type { BeforeApplicationShutdown, DynamicModule, FactoryProvider, OnApplicationShutdown, Type } from '@nestjs/common';
import { Inject, Injectable, Logger, Module } from '@nestjs/common';
import type { EventStore } from '@meridian/platform/eventsourcing';
import type { AppConfig, HostListeningSignal, ReadinessRegistry } from '@meridian/platform/nest';
import { inProcessReadSideInject, nestStructuredLog, readStoreOrMemory, reportFeedReadiness } from '@meridian/platform/nest';
import type { InProcessReadStore } from '@meridian/platform/projections';
import type { InProcessOrderReadModels } from './hosting/in-process-read-models';
import { startInProcessOrderReadModels } from './hosting/in-process-read-models';
import type { MongoOrderReadModels } from './hosting/mongo-read-models';
import { openMongoOrderReadModels } from './hosting/mongo-read-models';
import { ListOrdersController } from './list-orders/list-orders.controller';
import type { OrderReadModels } from './shared/order-read-models';
import { ORDER_READ_MODELS } from './shared/order-read-models';

const READ_SIDE = Symbol('OrderReadSide');

@Injectable()
class InProcessReadSideLifecycle implements BeforeApplicationShutdown {
  constructor(@Inject(READ_SIDE) private readonly readSide: InProcessOrderReadModels) {}

  /** Before the event store closes (that happens in onApplicationShutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.readSide.projections.stop();
  }
}

@Injectable()
class MongoReadSideLifecycle implements OnApplicationShutdown {
  constructor(@Inject(READ_SIDE) private readonly readSide: MongoOrderReadModels) {}

  async onApplicationShutdown(): Promise<void> {
    await this.readSide.close();
  }
}

/** Same controller either way; only where the read model lives differs. */
const withReadSide = (readSide: Omit<FactoryProvider, 'provide'>, lifecycle: Type): DynamicModule => ({
  module: OrderReadApiModule,
  controllers: [ListOrdersController],
  providers: [
    { provide: READ_SIDE, ...readSide },
    { provide: ORDER_READ_MODELS, inject: [READ_SIDE], useFactory: (side: Readonly<{ readModels: OrderReadModels }>) => side.readModels },
    lifecycle,
  ],
});

/** The orders context's read side over HTTP: the order list. One order, strongly consistent, stays GET /orders/{orderId} (OrdersModule). */
@Module({})
export class OrderReadApiModule {
  /** Standalone: the read model in the host's read store (ReadStoreModule; memory without it), fed from the event store in this process. */
  static inProcess(config: AppConfig): DynamicModule {
    const logger = new Logger('OrderReadModels');
    return withReadSide(
      {
        inject: inProcessReadSideInject,
        useFactory: async (store: EventStore, readStore: InProcessReadStore | undefined, readiness: ReadinessRegistry | undefined, listening: HostListeningSignal | undefined) => {
          const side = await startInProcessOrderReadModels(store, readStoreOrMemory(readStore), nestStructuredLog(logger), (line) => logger.log(line), config.readWaitMaxMs, listening?.listening);
          reportFeedReadiness(readiness, 'orderReadModels', side.projections);
          return side;
        },
      },
      InProcessReadSideLifecycle,
    );
  }

  /** Services: the generation the projections process keeps in MongoDB. */
  static overMongo(config: AppConfig & Readonly<{ mongodbUrl: string; kafkaBrokers: readonly string[] }>): DynamicModule {
    const logger = new Logger('OrderReadModels');
    const settings = {
      mongodbUrl: config.mongodbUrl, kafkaBrokers: config.kafkaBrokers, topicPrefix: config.kafkaTopicPrefix, maxWaitMs: config.readWaitMaxMs,
      eventStoreUrl: config.eventStoreUrl, relayCheckpointName: config.relayCheckpointName,
    };
    return withReadSide({ useFactory: () => openMongoOrderReadModels({ ...settings, log: nestStructuredLog(logger) }) }, MongoReadSideLifecycle);
  }
}
