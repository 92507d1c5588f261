import type { BeforeApplicationShutdown, DynamicModule, OnApplicationBootstrap } from '@nestjs/common';
import { Inject, Injectable, Logger, Module, Optional } from '@nestjs/common';
import type { EventStore } from '@meridian/platform/eventsourcing';
import { CommandHandler } from '@meridian/platform/eventsourcing';
import type { PublicEventCatalogue } from '@meridian/platform/kafka';
import { METRICS_REGISTRY } from '@meridian/platform/observability';
import type { HostedProcessManager, InProcessReadStore } from '@meridian/platform/projections';
import type { Registry } from 'prom-client';
import { EVENT_STORE } from '../eventstore/event-store.module';
import { ReadinessRegistry } from '../health/readiness-registry';
import type { HostListeningSignal } from '../http/host-listening';
import { HOST_LISTENING } from '../http/host-listening';
import { nestStructuredLog } from '../logging/nest-structured-log';
import { readStoreOrMemory, reportFeedReadiness } from '../read-models/in-process-read-side';
import { READ_STORE } from '../read-models/read-store.module';
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
    // Hosts without ReadStoreModule or HealthModule (test hosts) keep the managers' state in memory, unreported.
    @Optional() @Inject(READ_STORE) private readonly readStore?: InProcessReadStore,
    @Optional() private readonly readiness?: ReadinessRegistry,
    @Optional() @Inject(HOST_LISTENING) private readonly listening?: HostListeningSignal,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const managers = this.factory(this.handler, this.store);
    const log = nestStructuredLog(this.logger);
    if (this.hosting.kind === 'kafka') {
      this.running = startProcessManagersOnKafka(managers, this.hosting.settings, log, this.registry);
      return;
    }
    const inProcess = await startProcessManagersInProcess(managers, {
      store: this.store, readStore: readStoreOrMemory(this.readStore), catalogues: this.hosting.catalogues, log, progress: (line) => this.logger.log(line), registry: this.registry,
      ...(this.listening === undefined ? {} : { startWhen: this.listening.listening }),
    });
    reportFeedReadiness(this.readiness, `processManagers:${managers.map((manager) => manager.name).join(',')}`, inProcess.projections);
    this.running = inProcess;
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
