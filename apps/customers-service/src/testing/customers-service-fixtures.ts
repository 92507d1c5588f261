import type { DynamicModule } from '@nestjs/common';
import { Global, Module } from '@nestjs/common';
import type { HttpHostDefinition } from '@meridian/platform/nest';
import type { TestDatabase, TestHost } from '@meridian/platform/testing';
import { createTestDatabase, startTestHost } from '@meridian/platform/testing';
import type { CustomerDirectory } from '@meridian/customers/api';
import { CUSTOMER_DIRECTORY } from '@meridian/customers/api';
import { customersServiceHost } from '../customers-service.host';

export const tenantA = { 'x-tenant-id': 'acme', 'x-user-id': 'rep-ana' };
export const tenantB = { 'x-tenant-id': 'globex', 'x-user-id': 'rep-bo' };
export const problemJson = 'application/problem+json';
export const unknownCustomerId = '00000000-0000-4000-8000-000000000000';

/** As a user would type it: spaces, capitals, a Gmail alias and a national phone number. */
export const newCustomerBody = (overrides: Record<string, unknown> = {}) => ({
  kind: 'company',
  name: ' ACME Analytics GmbH ',
  industry: 'software',
  region: 'dach',
  size: '51-200',
  sourceChannel: 'webinar',
  ownerId: 'rep-ana',
  emails: [' Sales@ACME.example ', 'j.doe+crm@gmail.com'],
  phones: ['(555) 010-4477'],
  ...overrides,
});

@Global()
@Module({})
class FakeCustomerDirectoryModule {
  static providing(directory: CustomerDirectory): DynamicModule {
    return { module: FakeCustomerDirectoryModule, providers: [{ provide: CUSTOMER_DIRECTORY, useValue: directory }], exports: [CUSTOMER_DIRECTORY] };
  }
}

@Module({})
class CustomersServiceWithDirectoryModule {}

/** The service as a host with a read side would run it: a customer directory provided globally (here a fake of the port). */
const withDirectory = (directory: CustomerDirectory): HttpHostDefinition => ({
  ...customersServiceHost,
  rootModule: (config) => ({
    module: CustomersServiceWithDirectoryModule,
    imports: [customersServiceHost.rootModule(config), FakeCustomerDirectoryModule.providing(directory)],
  }),
});

export type CustomersServiceUnderTest = Readonly<{ host: TestHost; database: TestDatabase }>;

/** The service on a fresh PostgreSQL database of the test server (DATABASE_URL from Jest's globalSetup). */
export const startCustomersService = async (directory?: CustomerDirectory): Promise<CustomersServiceUnderTest> => {
  const database = await createTestDatabase('meridian_customers_e2e');
  try {
    const definition = directory === undefined ? customersServiceHost : withDirectory(directory);
    return { host: await startTestHost(definition, database.url), database };
  } catch (error) {
    await database.drop();
    throw error;
  }
};

export const stopCustomersService = async (service: CustomersServiceUnderTest | undefined): Promise<void> => {
  await service?.host.close();
  await service?.database.drop();
};

/** Registers a customer and returns its id, failing loudly if the service refused it. */
export const registerCustomer = async (host: TestHost, body: unknown = newCustomerBody(), headers: Record<string, string> = tenantA): Promise<string> => {
  const registered = await host.request('POST', '/api/v1/customers', { headers, body });
  if (registered.status !== 201) throw new Error(`register answered ${registered.status}: ${registered.text}`);
  return (registered.body as { customerId: string }).customerId;
};

/** A GET that does not follow redirects (the test host's fetch would), to see a 307 as such. */
export const getWithoutFollowing = async (host: TestHost, path: string, headers: Record<string, string> = tenantA) => {
  const response = await fetch(`${host.baseUrl}${path}`, { headers, redirect: 'manual' });
  return { status: response.status, location: response.headers.get('location'), body: (await response.json()) as unknown };
};

export const fieldsOf = (body: unknown): string[] => (body as { errors: { field: string }[] }).errors.map((e) => e.field).sort();
