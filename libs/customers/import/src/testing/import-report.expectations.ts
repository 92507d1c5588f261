import type { EventStore } from '@meridian/platform/eventsourcing';
import { CommandHandler } from '@meridian/platform/eventsourcing';
import { customerDecider, customerStreamId } from '@meridian/customers/domain';
import type { ImportReportRow } from '../job/customer-import.report';
import type { ExistingCustomerSeed, GeneratedCustomerImport } from './customer-import-csv.generator';

/** A report row with rejections reduced to the fields they name (messages are the domain's wording). */
export type ComparableReportRow = Readonly<{
  row: number;
  outcome: ImportReportRow['outcome'];
  customerId?: string;
  duplicateOf?: Readonly<{ row?: number; customerId?: string }>;
  reason?: string;
  fields?: readonly string[];
}>;

export const comparableRows = (rows: readonly ImportReportRow[]): ComparableReportRow[] =>
  rows.map((entry) => {
    if (entry.outcome === 'imported') return { row: entry.row, outcome: entry.outcome, customerId: entry.customerId };
    if (entry.outcome === 'duplicate') return { row: entry.row, outcome: entry.outcome, duplicateOf: entry.duplicateOf, reason: entry.reason };
    return { row: entry.row, outcome: entry.outcome, fields: [...new Set(entry.errors.map((error) => error.field))] };
  });

/** The report a generated file must produce; `customerOfRow` is the id the importer derives for an imported row. */
export const expectedReportRows = (generated: GeneratedCustomerImport, customerOfRow: (row: number) => string): ComparableReportRow[] =>
  generated.expected.map((entry) => {
    if (entry.outcome === 'imported') return { row: entry.row, outcome: 'imported', customerId: customerOfRow(entry.row) };
    if (entry.outcome === 'rejected') return { row: entry.row, outcome: 'rejected', fields: entry.fields };
    const duplicateOf =
      entry.ofRow === undefined
        ? { customerId: entry.ofExistingCustomerId }
        : { row: entry.ofRow, customerId: entry.ofExistingCustomerId ?? customerOfRow(entry.ofRow) };
    return { row: entry.row, outcome: 'duplicate', duplicateOf, reason: entry.reason };
  });

/** Registers the customers a generated file refers to, as someone did before the import. */
export const registerExistingCustomers = async (store: EventStore, tenantId: string, customers: readonly ExistingCustomerSeed[]): Promise<void> => {
  const handler = new CommandHandler(store);
  const registeredAt = '2026-01-15T09:00:00.000Z';
  const context = { tenantId, actorId: 'seed', correlationId: 'seed-existing-customers', causationId: 'seed-existing-customers' };
  for (const data of customers) {
    await handler.handle({
      decider: customerDecider,
      streamId: customerStreamId(data.customerId),
      command: { type: 'RegisterCustomer', data: { ...data, registeredAt } },
      context,
      occurredAt: registeredAt,
    });
  }
};
