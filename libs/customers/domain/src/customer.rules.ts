import { BusinessRuleViolation } from '@meridian/platform/eventsourcing';

/**
 * Stable, machine-readable rule codes of the customers context. Clients branch
 * on them (the HTTP layer answers 409/422 with the code), so renaming one is a
 * breaking API change. A missing customer or import job is `AggregateNotFound`
 * (code `not-found`).
 */
export const CustomerRuleCodes = {
  notFound: 'not-found',
  alreadyRegistered: 'customer-already-registered',
  /** Details `{ survivorId }`: the caller should send the command to the survivor. */
  merged: 'customer-merged',
  mergeNotAllowed: 'merge-not-allowed',
  unmergeNotAllowed: 'unmerge-not-allowed',
  /** Details `{ archivedAt }`: the customer is archived and takes this command only once restored. */
  archived: 'customer-archived',
  /** Details `{ archivedAt }`: archiving again is refused, not a no-op (see customer-archive.decide.ts). */
  alreadyArchived: 'already-archived',
  notArchived: 'not-archived',
  invalidEmail: 'invalid-email',
  invalidPhone: 'invalid-phone',
  blankField: 'blank-field',
  /** A value outside its set or range (kind, size, level, a revision, an instant). */
  invalidField: 'invalid-field',
  invalidMoney: 'invalid-money',
  contactNotFound: 'contact-not-found',
  contactAlreadyExists: 'contact-already-exists',
  invalidSegmentPolicy: 'invalid-segment-policy',
  importFileMismatch: 'import-file-mismatch',
  importInvalidFile: 'import-invalid-file',
  importCompleted: 'import-completed',
  importBatchOutOfOrder: 'import-batch-out-of-order',
  importBatchInvalid: 'import-batch-invalid',
  importIncomplete: 'import-incomplete',
} as const;

export type CustomerRuleCode = (typeof CustomerRuleCodes)[keyof typeof CustomerRuleCodes];

export const violation = (
  code: CustomerRuleCode,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): BusinessRuleViolation => new BusinessRuleViolation(code, message, details);
