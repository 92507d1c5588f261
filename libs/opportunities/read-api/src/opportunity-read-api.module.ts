import type { BeforeApplicationShutdown, DynamicModule, FactoryProvider, OnApplicationShutdown, Type } from '@nestjs/common';
import { Inject, Injectable, Logger, Module } from '@nestjs/common';
import type { EventStore } from '@meridian/platform/eventsourcing';
import type { AppConfig, HostListeningSignal, ReadinessRegistry } from '@meridian/platform/nest';
import { inProcessReadSideInject, nestStructuredLog, readStoreOrMemory, reportFeedReadiness } from '@meridian/platform/nest';
import type { InProcessReadStore } from '@meridian/platform/projections';
import { GetSalesFunnelController } from './get-sales-funnel/get-sales-funnel.controller';
import type { InProcessReadModels } from './hosting/in-process-read-models';
import { startInProcessReadModels } from './hosting/in-process-read-models';
import type { MongoReadModels } from './hosting/mongo-read-models';
import { openMongoReadModels } from './hosting/mongo-read-models';
import { ListOpportunitiesController } from './list-opportunities/list-opportunities.controller';
import type { OpportunityReadModels } from './shared/opportunity-read-models';
import { OPPORTUNITY_READ_MODELS } from './shared/opportunity-read-models';

const READ_SIDE = Symbol('OpportunityReadSide');

@Injectable()
class InProcessReadSideLifecycle implements BeforeApplicationShutdown {
  constructor(@Inject(READ_SIDE) private readonly readSide: InProcessReadModels) {}

  /** Before the event store closes (that happens in onApplicationShutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.readSide.projections.stop();
  }
}

@Injectable()
class MongoReadSideLifecycle implements OnApplicationShutdown {
  constructor(@Inject(READ_SIDE) private readonly readSide: MongoReadModels) {}

  async onApplicationShutdown(): Promise<void> {
    await this.readSide.close();
  }
}

/** Same controllers either way; only where the read models live differs. */
const withReadSide = (readSide: Omit<FactoryProvider, 'provide'>, lifecycle: Type): DynamicModule => ({
  module: OpportunityReadApiModule,
  controllers: [ListOpportunitiesController, GetSalesFunnelController],
  providers: [
    { provide: READ_SIDE, ...readSide },
    { provide: OPPORTUNITY_READ_MODELS, inject: [READ_SIDE], useFactory: (side: Readonly<{ readModels: OpportunityReadModels }>) => side.readModels },
    lifecycle,
  ],
});

/** The opportunities context's read side over HTTP: the list and the sales funnel. */
@Module({})
export class OpportunityReadApiModule {
  /** Standalone: read models in the host's read store (ReadStoreModule; memory without it), fed from the event store in this process. */
  static inProcess(config: AppConfig): DynamicModule {
    const logger = new Logger('ReadModels');
    return withReadSide(
      {
        inject: inProcessReadSideInject,
        useFactory: async (store: EventStore, readStore: InProcessReadStore | undefined, readiness: ReadinessRegistry | undefined, listening: HostListeningSignal | undefined) => {
          const side = await startInProcessReadModels(store, readStoreOrMemory(readStore), nestStructuredLog(logger), (line) => logger.log(line), config.readWaitMaxMs, listening?.listening);
          reportFeedReadiness(readiness, 'opportunityReadModels', side.projections);
          return side;
        },
      },
      InProcessReadSideLifecycle,
    );
  }

  /** Services: the generations the projections process keeps in MongoDB. */
  static overMongo(config: AppConfig & Readonly<{ mongodbUrl: string; kafkaBrokers: readonly string[] }>): DynamicModule {
    const logger = new Logger('ReadModels');
    const settings = {
      mongodbUrl: config.mongodbUrl, kafkaBrokers: config.kafkaBrokers, topicPrefix: config.kafkaTopicPrefix, maxWaitMs: config.readWaitMaxMs,
      eventStoreUrl: config.eventStoreUrl, relayCheckpointName: config.relayCheckpointName,
    };
    return withReadSide({ useFactory: () => openMongoReadModels({ ...settings, log: nestStructuredLog(logger) }) }, MongoReadSideLifecycle);
  }
}
