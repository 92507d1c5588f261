import type { DuplicateRow, ImportedRow, RejectedRow } from './customer-import.events';
import type { Instant } from './customer.values';

/** `importId` is derived from (tenant, SHA-256 of the file bytes), so the same file finds the same job. */
export type StartCustomerImport = Readonly<{
  type: 'StartCustomerImport';
  data: { importId: string; fileName: string; fileSha256: string; rowCount: number; startedAt: Instant };
}>;

/** The outcome of rows `firstRow`..`lastRow`, recorded after their customers were registered. */
export type RecordImportBatch = Readonly<{
  type: 'RecordImportBatch';
  data: {
    importId: string;
    firstRow: number;
    lastRow: number;
    imported: readonly ImportedRow[];
    duplicates: readonly DuplicateRow[];
    rejected: readonly RejectedRow[];
    processedAt: Instant;
  };
}>;

export type CompleteCustomerImport = Readonly<{
  type: 'CompleteCustomerImport';
  data: { importId: string; completedAt: Instant };
}>;

export type CustomerImportCommand = StartCustomerImport | RecordImportBatch | CompleteCustomerImport;
