import type { EventStore } from '@meridian/platform/eventsourcing';
import { CommandHandler } from '@meridian/platform/eventsourcing';
import { readImportCsv } from '../csv/customer-import-csv.reader';
import type { CustomerDirectory } from '../job/customer-directory';
import { customerImportIdOf, fileSha256Of } from '../job/customer-import.ids';
import type { CustomerImportDependencies, CustomerImportRequest } from '../job/customer-import.runner';
import { openCustomerImport, runCustomerImport } from '../job/customer-import.runner';
import type { ImportCounts } from '../job/customer-import.progress';
import { EventStoreCustomerDirectory } from './event-store-customer-directory';

// Running the importer without HTTP: for specs, demos and benchmarks.

export const tenantId = 'acme';
export const importContext = { tenantId, actorId: 'clerk-ada', correlationId: 'corr-import', causationId: 'cause-import' };

/** What an upload of `csv` by the tenant's clerk asks for. */
export const importRequest = (csv: string, fileName = 'customers.csv', defaultCountryCode?: string): CustomerImportRequest => {
  const bytes = Buffer.from(csv, 'utf8');
  const fileSha256 = fileSha256Of(bytes);
  return {
    tenantId,
    importId: customerImportIdOf(tenantId, fileSha256, defaultCountryCode),
    fileName,
    fileSha256,
    rows: readImportCsv(bytes).rows,
    ...(defaultCountryCode ? { defaultCountryCode } : {}),
    context: importContext,
  };
};

export const importDependencies = (
  store: EventStore,
  overrides: Partial<Omit<CustomerImportDependencies, 'directory'>> & { directory?: CustomerDirectory } = {},
): CustomerImportDependencies => ({
  store,
  handler: new CommandHandler(store),
  directory: overrides.directory ?? new EventStoreCustomerDirectory(store),
  now: () => new Date('2026-03-05T08:00:00.000Z'),
  concurrency: 4,
  ...overrides,
});

/** Starts (or finds) the job and runs it to completion, as the HTTP layer does in the background. */
export const importFile = async (deps: CustomerImportDependencies, request: CustomerImportRequest): Promise<ImportCounts> =>
  runCustomerImport(deps, request, await openCustomerImport(deps, request));
