import type { RecordImportBatch } from './customer-import.commands';
import type { DuplicateRow, ImportFieldError, ImportedRow, RejectedRow } from './customer-import.events';
import { CustomerRuleCodes, violation } from './customer.rules';
import { duplicateReasons, isOneOf } from './customer.values';

type BatchOutcome = Readonly<{
  firstRow: number;
  lastRow: number;
  imported: readonly ImportedRow[];
  duplicates: readonly DuplicateRow[];
  rejected: readonly RejectedRow[];
}>;

const isBlank = (text: unknown): boolean => typeof text !== 'string' || text.trim() === '';
const isRowNumber = (row: unknown): row is number => Number.isInteger(row) && (row as number) >= 1;

/** Problems with one duplicate entry: it must point at an existing customer or at an earlier row. */
const duplicateProblems = ({ row, duplicateOf, reason }: DuplicateRow): string[] => {
  const problems: string[] = [];
  if (!isOneOf(duplicateReasons, reason)) problems.push(`row ${row}: reason must be email or phone`);
  const { customerId, row: earlierRow } = duplicateOf ?? {};
  if (customerId === undefined && earlierRow === undefined) problems.push(`row ${row}: duplicateOf names neither a customer nor a row`);
  if (customerId !== undefined && isBlank(customerId)) problems.push(`row ${row}: duplicateOf.customerId is blank`);
  if (earlierRow !== undefined && (!isRowNumber(earlierRow) || earlierRow >= row)) {
    problems.push(`row ${row}: duplicateOf.row must be an earlier row`);
  }
  return problems;
};

const rejectedProblems = ({ row, errors }: RejectedRow): string[] =>
  !Array.isArray(errors) || errors.length === 0 || errors.some((error) => isBlank(error.field) || isBlank(error.message))
    ? [`row ${row}: a rejected row needs at least one error, each with a field and a message`]
    : [];

/**
 * Checks that a batch accounts for each of its rows exactly once and that every
 * entry is well formed, and returns a clean copy (exactly the agreed fields),
 * or throws `import-batch-invalid` naming every problem.
 */
export const validBatchOutcome = (data: RecordImportBatch['data'], rowCount: number): BatchOutcome => {
  const { firstRow, lastRow, imported, duplicates, rejected } = data;
  const problems: string[] = [];
  if (!isRowNumber(lastRow) || lastRow < firstRow || lastRow > rowCount) {
    problems.push(`lastRow must be from ${firstRow} to the file's ${rowCount} rows`);
  }
  const rows = [...imported, ...duplicates, ...rejected].map((entry) => entry.row);
  const seen = new Set<number>();
  for (const row of rows) {
    if (!isRowNumber(row) || row < firstRow || row > lastRow) problems.push(`row ${row} is outside ${firstRow}..${lastRow}`);
    else if (seen.has(row)) problems.push(`row ${row} appears more than once`);
    seen.add(row);
  }
  if (problems.length === 0 && seen.size !== lastRow - firstRow + 1) {
    problems.push(`${lastRow - firstRow + 1 - seen.size} rows of ${firstRow}..${lastRow} are not accounted for`);
  }
  imported.filter((entry) => isBlank(entry.customerId)).forEach((entry) => problems.push(`row ${entry.row}: customerId is blank`));
  problems.push(...duplicates.flatMap(duplicateProblems), ...rejected.flatMap(rejectedProblems));
  if (problems.length > 0) {
    throw violation(CustomerRuleCodes.importBatchInvalid, `Invalid import batch: ${problems.join('; ')}`, { problems });
  }
  return {
    firstRow,
    lastRow,
    imported: imported.map(({ row, customerId, possibleDuplicates }) => ({
      row, customerId, ...(possibleDuplicates !== undefined && possibleDuplicates.length > 0 ? { possibleDuplicates: [...new Set(possibleDuplicates)] } : {}),
    })),
    duplicates: duplicates.map(({ row, duplicateOf: { customerId, row: earlierRow }, reason }) => ({
      row,
      duplicateOf: { ...(customerId !== undefined ? { customerId } : {}), ...(earlierRow !== undefined ? { row: earlierRow } : {}) },
      reason,
    })),
    rejected: rejected.map(({ row, errors }) => ({ row, errors: errors.map(({ field, message }): ImportFieldError => ({ field, message })) })),
  };
};
