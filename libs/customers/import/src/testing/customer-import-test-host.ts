import type { DynamicModule } from '@nestjs/common';
import { Global, Module } from '@nestjs/common';
import type { EventStore } from '@meridian/platform/eventsourcing';
import type { HttpHostDefinition } from '@meridian/platform/nest';
import { EVENT_STORE, EventStoreModule } from '@meridian/platform/nest';
import { CUSTOMER_DIRECTORY } from '@meridian/customers/api';
import { CustomerImportModule } from '../customer-import.module';
import type { CustomerDirectory } from '../job/customer-directory';

@Global()
@Module({})
class TestCustomerDirectoryModule {
  static with(directoryFor: (store: EventStore) => CustomerDirectory): DynamicModule {
    return {
      module: TestCustomerDirectoryModule,
      providers: [{ provide: CUSTOMER_DIRECTORY, inject: [EVENT_STORE], useFactory: directoryFor }],
      exports: [CUSTOMER_DIRECTORY],
    };
  }
}

@Module({})
class CustomerImportTestRoot {}

/**
 * A host serving only customer imports, built like every real host
 * (createHttpHost: Fastify, 1 MiB body limit, problem+json); the directory is
 * provided globally, as the read side does, or left out.
 */
export const customerImportTestHost = (directoryFor?: (store: EventStore) => CustomerDirectory): HttpHostDefinition => ({
  name: 'customer-import-test',
  openApi: { title: 'Customer imports (test host)', description: 'Customer import endpoints only', version: 'test' },
  rootModule: (config) => ({
    module: CustomerImportTestRoot,
    imports: [
      EventStoreModule.forRoot(config.eventStoreUrl),
      ...(directoryFor ? [TestCustomerDirectoryModule.with(directoryFor)] : []),
      CustomerImportModule,
    ],
  }),
});

/** A directory whose lookups can be held back, to observe a job while it is surely running. */
export const holdableDirectory = (inner: CustomerDirectory) => {
  let gate: Promise<void> = Promise.resolve();
  let release: () => void = () => undefined;
  let waiting = 0;
  return {
    duplicateCandidates: (async (tenantId, probe) => {
      waiting += 1;
      try {
        await gate;
      } finally {
        waiting -= 1;
      }
      return inner.duplicateCandidates(tenantId, probe);
    }) satisfies CustomerDirectory['duplicateCandidates'],
    caughtUpWith: inner.caughtUpWith,
    hold: (): void => {
      gate = new Promise((resolve) => (release = resolve));
    },
    release: (): void => release(),
    /** Lookups held at the gate: once there is one, a job is inside a batch (past validating its file). */
    waiting: (): number => waiting,
  };
};
