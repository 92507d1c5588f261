import type { CommandContext, CommandHandler, EventStore } from '@meridian/platform/eventsourcing';
import { AggregateNotFound, BusinessRuleViolation, streamVisibleTo } from '@meridian/platform/eventsourcing';
import type { DuplicateRow, ImportRowResult, ImportedCustomerProfile, ImportedRow, RecordImportBatch, RejectedRow } from '@meridian/customers/domain';
import { customerDecider, customerStreamId } from '@meridian/customers/domain';
import { mapWithConcurrency, withRetries } from './bounded-concurrency';
import type { CustomerDirectory } from './customer-directory';
import { importedCustomerIdOf } from './customer-import.ids';
import { duplicateInFile, duplicateOfExisting, possibleDuplicatesOf, rejectedRow, strongDuplicateOf } from './customer-import.outcomes';

export type BatchOutcome = Omit<RecordImportBatch['data'], 'importId' | 'processedAt'>;

/** What every batch of one job shares. `customers` grows as rows settle (row → its customer). */
export type ImportJobFacts = Readonly<{
  tenantId: string;
  importId: string;
  defaultCountryCode?: string;
  context: CommandContext;
  validations: readonly ImportRowResult[];
  inFileDuplicates: ReadonlyMap<number, DuplicateRow>;
  customers: Map<number, string>;
}>;

export type BatchWorkers = Readonly<{
  store: EventStore;
  handler: CommandHandler;
  directory: CustomerDirectory;
  /** Lookups and registrations in flight at once. */
  concurrency: number;
  /** Called as each row of the batch settles, for progress between batch events. */
  onRowSettled: () => void;
  warn: (line: string) => void;
}>;

type Settled = Readonly<{ row: number; imported?: ImportedRow; duplicate?: DuplicateRow; rejected?: RejectedRow }>;

const isPermanent = (error: unknown): boolean => error instanceof BusinessRuleViolation || error instanceof AggregateNotFound;

/** True when this job already registered the row's customer (in a run that crashed before recording the batch). */
const isRegistered = async (store: EventStore, tenantId: string, customerId: string): Promise<boolean> =>
  streamVisibleTo(tenantId, await store.readStream(customerStreamId(customerId), { maxCount: 1 })).length > 0;

/**
 * Settles rows `firstRow`..`lastRow`: rejected rows and in-file duplicates
 * need no I/O; every other row is looked up in the directory and, unless it
 * strongly duplicates an existing customer, registered under its derived id.
 * Registering twice is a no-op, so a batch may be re-run after a crash; the
 * first batch of a resumed run passes `trustRegistered`, so a row registered
 * before the crash stays imported even if the directory now shows a twin.
 */
export const processBatch = async (
  facts: ImportJobFacts,
  workers: BatchWorkers,
  firstRow: number,
  lastRow: number,
  now: string,
  trustRegistered: boolean,
): Promise<BatchOutcome> => {
  const rows = Array.from({ length: lastRow - firstRow + 1 }, (_, index) => firstRow + index);
  const lookedUp = rows.filter((row) => facts.validations[row - 1].valid && !facts.inFileDuplicates.has(row));
  const settleOne = async (row: number): Promise<Settled> => {
    const profile = (facts.validations[row - 1] as { profile: ImportedCustomerProfile }).profile;
    const customerId = importedCustomerIdOf(facts.tenantId, facts.importId, row);
    const registered = trustRegistered && (await withRetries(() => isRegistered(workers.store, facts.tenantId, customerId), isPermanent));
    let possibleDuplicates: string[] = [];
    if (!registered) {
      const { name, region, emails, phones } = profile;
      const existing = await withRetries(() => workers.directory.duplicateCandidates(facts.tenantId, { name, region, emails, phones }), isPermanent);
      const match = strongDuplicateOf(profile, customerId, existing);
      if (match) return { row, duplicate: duplicateOfExisting(row, match) };
      possibleDuplicates = possibleDuplicatesOf(profile, customerId, existing);
    }
    try {
      await withRetries(() => register(workers.handler, facts, customerId, profile, now), isPermanent);
      return { row, imported: { row, customerId, ...(possibleDuplicates.length > 0 ? { possibleDuplicates } : {}) } };
    } catch (error) {
      if (!(error instanceof BusinessRuleViolation)) throw error;
      // The row validator and the customer decider disagree: report the row, don't stop the file.
      workers.warn(`row ${row}: the customer decider refused a row the validator accepted: ${error.code} ${error.message}`);
      const field = typeof error.details['field'] === 'string' ? error.details['field'] : 'row';
      return { row, rejected: rejectedRow(row, [{ field, message: error.message }]) };
    }
  };
  const settled = await mapWithConcurrency(lookedUp, workers.concurrency, async (row) => {
    const outcome = await settleOne(row);
    const customerId = outcome.imported?.customerId ?? outcome.duplicate?.duplicateOf.customerId;
    if (customerId !== undefined) facts.customers.set(row, customerId);
    workers.onRowSettled();
    return outcome;
  });
  const settledByRow = new Map(settled.map((outcome) => [outcome.row, outcome]));
  const imported: ImportedRow[] = [];
  const duplicates: DuplicateRow[] = [];
  const rejected: RejectedRow[] = [];
  for (const row of rows) {
    const validation = facts.validations[row - 1];
    const inFile = facts.inFileDuplicates.get(row);
    const outcome = settledByRow.get(row);
    if (!validation.valid) rejected.push(rejectedRow(row, validation.errors));
    else if (inFile) duplicates.push(duplicateInFile(inFile, facts.customers));
    else if (outcome?.imported) imported.push(outcome.imported);
    else if (outcome?.duplicate) duplicates.push(outcome.duplicate);
    else if (outcome?.rejected) rejected.push(outcome.rejected);
  }
  return { firstRow, lastRow, imported, duplicates, rejected };
};

const register = (handler: CommandHandler, facts: ImportJobFacts, customerId: string, profile: ImportedCustomerProfile, now: string) =>
  handler.handle({
    decider: customerDecider,
    streamId: customerStreamId(customerId),
    command: {
      type: 'RegisterCustomer',
      data: { customerId, ...profile, ...(facts.defaultCountryCode ? { defaultCountryCode: facts.defaultCountryCode } : {}), registeredAt: now },
    },
    context: facts.context,
    occurredAt: now,
  });
