import type { DomainEvent } from '@meridian/platform/eventsourcing';
import type { DuplicateReason, Instant } from './customer.values';

// Rows are numbered from 1, the first data row after the header.

/** `possibleDuplicates`: existing customers with a similar name in the region, for a person to review (likely, not strong). */
export type ImportedRow = Readonly<{ row: number; customerId: string; possibleDuplicates?: readonly string[] }>;
/** Held back because an earlier row of the file, or an existing customer, has the same email or phone. */
export type DuplicateRow = Readonly<{ row: number; duplicateOf: Readonly<{ customerId?: string; row?: number }>; reason: DuplicateReason }>;
export type ImportFieldError = Readonly<{ field: string; message: string }>;
export type RejectedRow = Readonly<{ row: number; errors: readonly ImportFieldError[] }>;

export type CustomerImportStarted = DomainEvent<'CustomerImportStarted', {
  importId: string;
  fileName: string;
  fileSha256: string;
  rowCount: number;
  startedAt: Instant;
}>;

/** Every row from `firstRow` to `lastRow` appears exactly once, in one of the three lists. */
export type CustomerImportBatchProcessed = DomainEvent<'CustomerImportBatchProcessed', {
  importId: string;
  firstRow: number;
  lastRow: number;
  imported: readonly ImportedRow[];
  duplicates: readonly DuplicateRow[];
  rejected: readonly RejectedRow[];
  processedAt: Instant;
}>;

/** The report: how many rows ended in each list over all batches. */
export type CustomerImportCompleted = DomainEvent<'CustomerImportCompleted', {
  importId: string;
  imported: number;
  duplicates: number;
  rejected: number;
  completedAt: Instant;
}>;

export type CustomerImportEvent = CustomerImportStarted | CustomerImportBatchProcessed | CustomerImportCompleted;

export const customerImportEventTypes = [
  'CustomerImportStarted',
  'CustomerImportBatchProcessed',
  'CustomerImportCompleted',
] as const satisfies readonly CustomerImportEvent['type'][];
