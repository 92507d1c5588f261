import type { DynamicModule, OnApplicationShutdown } from '@nestjs/common';
import { Global, Inject, Injectable, Logger, Module } from '@nestjs/common';
import type { EventStore } from '@meridian/platform/eventsourcing';
import { CommandHandler } from '@meridian/platform/eventsourcing';
import { openEventStore } from '@meridian/platform/eventstore';
import { METRICS_REGISTRY, instrumentEventStore } from '@meridian/platform/observability';
import { traceEventStore } from '@meridian/platform/telemetry';
import type { Registry } from 'prom-client';
import { CLOCK, systemClock } from '../clock';
import { redactUrl } from '../config/redact-url';

export const EVENT_STORE = Symbol('EventStore');

@Injectable()
class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Runs after the HTTP server stopped taking requests, so in-flight appends have finished. */
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/** The embedded store's first start initialises a database and takes seconds: say so. */
const openWithProgress = async (eventStoreUrl: string): Promise<EventStore> => {
  const logger = new Logger('EventStore');
  const started = Date.now();
  logger.log(`opening ${redactUrl(eventStoreUrl)} (creates the schema if missing)`);
  const store = await openEventStore(eventStoreUrl);
  logger.log(`ready in ${Date.now() - started} ms`);
  return store;
};

/**
 * Opens the configured event store once per process and shares it, with the
 * generic command handler and the clock, with every context module.
 */
@Global()
@Module({})
export class EventStoreModule {
  static forRoot(eventStoreUrl: string): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        {
          provide: EVENT_STORE,
          // Optional: HTTP hosts provide the registry (MetricsModule, global); a host without it gets the bare store.
          inject: [{ token: METRICS_REGISTRY, optional: true }],
          useFactory: async (registry: Registry | undefined) => {
            const store = await openWithProgress(eventStoreUrl);
            return traceEventStore(registry ? instrumentEventStore(store, registry) : store);
          },
        },
        { provide: CommandHandler, inject: [EVENT_STORE], useFactory: (store: EventStore) => new CommandHandler(store) },
        { provide: CLOCK, useValue: systemClock },
        EventStoreCloser,
      ],
      exports: [EVENT_STORE, CommandHandler, CLOCK],
    };
  }
}
