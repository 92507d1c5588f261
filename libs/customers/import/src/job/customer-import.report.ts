import type { DuplicateRow, ImportFieldError } from '@meridian/customers/domain';
import type { RecordedImportBatch } from './customer-import.stream';

export const importRowOutcomes = ['imported', 'duplicate', 'rejected'] as const;
export type ImportRowOutcome = (typeof importRowOutcomes)[number];

/** One row of the report, as the API shows it. */
export type ImportReportRow =
  | Readonly<{ row: number; outcome: 'imported'; customerId: string; possibleDuplicates?: readonly string[] }>
  | Readonly<{ row: number; outcome: 'duplicate'; duplicateOf: DuplicateRow['duplicateOf']; reason: DuplicateRow['reason'] }>
  | Readonly<{ row: number; outcome: 'rejected'; errors: readonly ImportFieldError[] }>;

/** Every row the recorded batches settled, in row order. */
export const reportRowsOf = (batches: readonly RecordedImportBatch[]): ImportReportRow[] =>
  batches.flatMap((batch) =>
    [
      ...batch.imported.map(({ row, customerId, possibleDuplicates }): ImportReportRow => ({
        row, outcome: 'imported', customerId, ...(possibleDuplicates === undefined ? {} : { possibleDuplicates }),
      })),
      ...batch.duplicates.map(({ row, duplicateOf, reason }): ImportReportRow => ({ row, outcome: 'duplicate', duplicateOf, reason })),
      ...batch.rejected.map(({ row, errors }): ImportReportRow => ({ row, outcome: 'rejected', errors })),
    ].sort((a, b) => a.row - b.row),
  );
