import type { BeforeApplicationShutdown, DynamicModule, FactoryProvider, OnApplicationShutdown } from '@nestjs/common';
import { Inject, Injectable, Logger, Module } from '@nestjs/common';
import type { EventStore } from '@meridian/platform/eventsourcing';
import type { AppConfig, HostListeningSignal, ReadinessRegistry } from '@meridian/platform/nest';
import { inProcessReadSideInject, nestStructuredLog, readStoreOrMemory, reportFeedReadiness } from '@meridian/platform/nest';
import type { InProcessReadStore } from '@meridian/platform/projections';
import { CUSTOMER_DIRECTORY } from '@meridian/customers/api';
import { GetCustomer360Controller } from './customer-360/get-customer-360.controller';
import { GetCustomerTimelineController } from './customer-timeline/get-customer-timeline.controller';
import { customerDirectoryOver } from './directory/customer-directory.adapter';
import { startInProcessCustomerReadModels } from './hosting/in-process-read-models';
import { openMongoCustomerReadModels } from './hosting/mongo-read-models';
import { ListCustomersController } from './list-customers/list-customers.controller';
import { GetSegmentDistributionController } from './segments/get-segment-distribution.controller';
import { ListSegmentCustomersController } from './segments/list-segment-customers.controller';
import { ReevaluateSegmentsController } from './segments/reevaluate-segments.controller';
import { SegmentSweep } from './segments/segment-sweep.service';
import { SEGMENT_SWEEP_SCHEDULE, SegmentSweepTimer, segmentSweepScheduleFrom } from './segments/segment-sweep.schedule';
import type { CustomerReadModels } from './shared/customer-read-models';
import { CUSTOMER_READ_MODELS } from './shared/customer-read-models';

const READ_SIDE = Symbol('CustomerReadSide');

/** Where the read models live, and how to let go of them. */
type ReadSide = Readonly<{
  readModels: CustomerReadModels;
  /** The in-process feed: stopped before the event store it reads closes. */
  stopFeeding?: () => Promise<void>;
  /** MongoDB and Kafka connections: closed after the HTTP server stopped, so in-flight queries finish. */
  close?: () => Promise<void>;
}>;

@Injectable()
class CustomerReadSideLifecycle implements BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(@Inject(READ_SIDE) private readonly readSide: ReadSide) {}

  /** Before the event store closes (EventStoreModule closes it in onApplicationShutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.readSide.stopFeeding?.();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.readSide.close?.();
  }
}

/**
 * Global for one reason: CUSTOMER_DIRECTORY, the duplicate check's port,
 * is resolved inside CustomersModule, which does not import this module.
 * Nothing else is exported.
 */
const readApiWith = (readSide: Omit<FactoryProvider<ReadSide | Promise<ReadSide>>, 'provide'>): DynamicModule => ({
  module: CustomerReadApiModule,
  global: true,
  controllers: [
    GetSegmentDistributionController,
    ListSegmentCustomersController,
    ReevaluateSegmentsController,
    ListCustomersController,
    GetCustomer360Controller,
    GetCustomerTimelineController,
  ],
  providers: [
    { provide: READ_SIDE, ...readSide },
    { provide: CUSTOMER_READ_MODELS, inject: [READ_SIDE], useFactory: (side: ReadSide) => side.readModels },
    { provide: CUSTOMER_DIRECTORY, inject: [CUSTOMER_READ_MODELS], useFactory: (readModels: CustomerReadModels) => customerDirectoryOver(readModels) },
    SegmentSweep,
    { provide: SEGMENT_SWEEP_SCHEDULE, useValue: segmentSweepScheduleFrom(process.env) },
    SegmentSweepTimer,
    CustomerReadSideLifecycle,
  ],
  exports: [CUSTOMER_DIRECTORY],
});

/**
 * The customers context's read side over HTTP: the customer list, customer
 * 360 and timeline, value segments and their sweep; and the customer
 * directory (duplicate detection) for CustomersModule. Needs EventStoreModule
 * (the policy, the sweep's commands); import it once per host.
 */
@Module({})
export class CustomerReadApiModule {
  /** Standalone: read models in the host's read store (ReadStoreModule; memory without it), fed from the event store in this process. */
  static inProcess(config: AppConfig): DynamicModule {
    const logger = new Logger('CustomerReadModels');
    return readApiWith({
      inject: inProcessReadSideInject,
      useFactory: async (store: EventStore, readStore: InProcessReadStore | undefined, readiness: ReadinessRegistry | undefined, listening: HostListeningSignal | undefined): Promise<ReadSide> => {
        const side = await startInProcessCustomerReadModels(store, {
          readStore: readStoreOrMemory(readStore), log: nestStructuredLog(logger), progress: (line) => logger.log(line), maxWaitMs: config.readWaitMaxMs,
          ...(listening === undefined ? {} : { startWhen: listening.listening }),
        });
        reportFeedReadiness(readiness, 'customerReadModels', side.projections);
        return { readModels: side.readModels, stopFeeding: side.projections.stop };
      },
    });
  }

  /** Services: the generations the projections process keeps in MongoDB. */
  static overMongo(config: AppConfig & Readonly<{ mongodbUrl: string; kafkaBrokers: readonly string[] }>): DynamicModule {
    const logger = new Logger('CustomerReadModels');
    return readApiWith({
      useFactory: (): ReadSide =>
        openMongoCustomerReadModels({
          mongodbUrl: config.mongodbUrl, kafkaBrokers: config.kafkaBrokers, topicPrefix: config.kafkaTopicPrefix, maxWaitMs: config.readWaitMaxMs,
          eventStoreUrl: config.eventStoreUrl, relayCheckpointName: config.relayCheckpointName, log: nestStructuredLog(logger),
        }),
    });
  }
}
