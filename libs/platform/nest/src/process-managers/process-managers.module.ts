import type { BeforeApplicationShutdown, DynamicModule, OnApplicationBootstrap } from '@nestjs/common';
import { Inject, Injectable, Logger, Module, Optional } from '@nestjs/common';
import type { EventStore } from '@meridian/platform/eventsourcing';
import { CommandHandler } from '@meridian/platform/eventsourcing';
import type { PublicEventCatalogue } from '@meridian/platform/kafka';
import { METRICS_REGISTRY } from '@meridian/platform/observability';
import type { HostedProcessManager } from '@meridian/platform/projections';
import type { Registry } from 'prom-client';
import { EVENT_STORE } from '../eventstore/event-store.module';
import { nestStructuredLog } from '../logging/nest-structured-log';
import type { KafkaHostingSettings, RunningProcessManagers } from './process-manager-hosting';
import { startProcessManagersInProcess, startProcessManagersOnKafka } from './process-manager-hosting';

/** The managers of one context, built with this process's command handler and event store (to read their own context's streams). */
export type ProcessManagerFactory = (handler: CommandHandler, store: EventStore) => readonly HostedProcessManager[];

export type ProcessManagerHosting =
  | Readonly<{ kind: 'in-process'; catalogues: readonly PublicEventCatalogue[] }>
  | Readonly<{ kind: 'kafka'; settings: KafkaHostingSettings }>;

const HOSTING = Symbol('ProcessManagerHosting');
const FACTORY = Symbol('ProcessManagerFactory');

@Injectable()
class ProcessManagersLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private running: RunningProcessManagers | undefined;
  private readonly logger = new Logger('ProcessManagers');

  constructor(
    @Inject(HOSTING) private readonly hosting: ProcessManagerHosting,
    @Inject(FACTORY) private readonly factory: ProcessManagerFactory,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly handler: CommandHandler,
    // Hosts without MetricsModule (some test hosts) run the managers unmeasured.
    @Optional() @Inject(METRICS_REGISTRY) private readonly registry?: Registry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const managers = this.factory(this.handler, this.store);
    const log = nestStructuredLog(this.logger);
    this.running =
      this.hosting.kind === 'in-process'
        ? await startProcessManagersInProcess(managers, { store: this.store, catalogues: this.hosting.catalogues, log, progress: (line) => this.logger.log(line), registry: this.registry })
        : startProcessManagersOnKafka(managers, this.hosting.settings, log, this.registry);
  }

  /** Before the event store closes: a reaction in flight still appends its command. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.running?.stop();
  }
}

/**
 * Hosts a context's process managers: fed in process in standalone mode, from
 * Kafka in the services. Needs EventStoreModule (the command handler).
 */
@Module({})
export class ProcessManagersModule {
  static register(factory: ProcessManagerFactory, hosting: ProcessManagerHosting): DynamicModule {
    return {
      module: ProcessManagersModule,
      providers: [{ provide: HOSTING, useValue: hosting }, { provide: FACTORY, useValue: factory }, ProcessManagersLifecycle],
    };
  }
}
