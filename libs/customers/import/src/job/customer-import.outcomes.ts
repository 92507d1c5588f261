import type {
  DuplicateCandidate,
  DuplicateMatch,
  DuplicateRow,
  ImportFieldError,
  ImportRowResult,
  ImportedCustomerProfile,
  RejectedRow,
} from '@meridian/customers/domain';
import { findDuplicateRowsInFile, findLikelyDuplicates } from '@meridian/customers/domain';
import type { RecordedImportBatch } from './customer-import.stream';

/** Rows repeating an earlier valid row's email or phone, by row number. */
export const inFileDuplicatesOf = (validations: readonly ImportRowResult[]): ReadonlyMap<number, DuplicateRow> => {
  const contactPoints = validations.flatMap((result, index) =>
    result.valid ? [{ row: index + 1, emails: result.profile.emails, phones: result.profile.phones }] : [],
  );
  return new Map(findDuplicateRowsInFile(contactPoints).map((duplicate) => [duplicate.row, duplicate]));
};

/**
 * The customer each settled row stands for: the one it registered, or the
 * existing customer it duplicates. In-file duplicates point at their first
 * row and, through this, at that row's customer.
 */
export const customersOfRecordedRows = (batches: readonly RecordedImportBatch[]): Map<number, string> => {
  const customers = new Map<number, string>();
  for (const batch of batches) {
    for (const { row, customerId } of batch.imported) customers.set(row, customerId);
    for (const { row, duplicateOf } of batch.duplicates) if (duplicateOf.customerId !== undefined) customers.set(row, duplicateOf.customerId);
  }
  return customers;
};

/**
 * The existing customer a row strongly duplicates (same email or phone), if
 * any. A `likely` match (a similar company name only) is not enough to hold a
 * row back: the design registers it, and merging stays a person's decision.
 * The row's own future customer id is passed so a customer this job already
 * registered for the row (before a crash) is never its own duplicate.
 */
export const strongDuplicateOf = (
  profile: ImportedCustomerProfile,
  customerId: string,
  existing: readonly DuplicateCandidate[],
): DuplicateMatch | undefined => matchesOf(profile, customerId, existing).find((match) => match.strength === 'strong');

/** Existing customers a row only resembles (a similar name in its region): it is imported, and they are named in the report. */
export const possibleDuplicatesOf = (profile: ImportedCustomerProfile, customerId: string, existing: readonly DuplicateCandidate[]): string[] =>
  matchesOf(profile, customerId, existing).flatMap((match) => (match.strength === 'likely' && match.customerId !== undefined ? [match.customerId] : []));

const matchesOf = (profile: ImportedCustomerProfile, customerId: string, existing: readonly DuplicateCandidate[]): DuplicateMatch[] => {
  const candidate: DuplicateCandidate = { customerId, kind: profile.kind, name: profile.name, region: profile.region, emails: profile.emails, phones: profile.phones };
  return [...findLikelyDuplicates(candidate, existing)];
};

export const duplicateOfExisting = (row: number, match: DuplicateMatch): DuplicateRow => ({
  row,
  duplicateOf: { customerId: match.customerId },
  reason: match.reasons.includes('email') ? 'email' : 'phone',
});

/** An in-file duplicate, pointing also at the customer its first row became (when there is one). */
export const duplicateInFile = (duplicate: DuplicateRow, customers: ReadonlyMap<number, string>): DuplicateRow => {
  const firstRow = duplicate.duplicateOf.row as number;
  const customerId = customers.get(firstRow);
  return { row: duplicate.row, duplicateOf: { row: firstRow, ...(customerId !== undefined ? { customerId } : {}) }, reason: duplicate.reason };
};

export const rejectedRow = (row: number, errors: readonly ImportFieldError[]): RejectedRow => ({ row, errors });
