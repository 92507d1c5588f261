import type { ImportRowResult } from '@meridian/customers/domain';
import { importRowFields, validateImportRow } from '@meridian/customers/domain';
import type { ImportFileRow } from '../csv/customer-import-csv.reader';
import { registerCustomerRuleErrors } from './register-customer.rules';

/**
 * A row's validation: shape problems from the reader, then the domain's field
 * errors (it also normalises the profile to register), then the register
 * endpoint's rules. A field the domain already faulted is not reported again
 * in the endpoint's words: one reason per problem is enough to fix the row.
 */
export const validateFileRow = async ({ record, problems }: ImportFileRow, defaultCountryCode?: string): Promise<ImportRowResult> => {
  const result = validateImportRow(record, defaultCountryCode);
  const domainErrors = result.valid ? [] : result.errors;
  const faulted = new Set(domainErrors.map((error) => error.field));
  const ruleErrors = (await registerCustomerRuleErrors(importRowFields(record), defaultCountryCode)).filter((error) => !faulted.has(error.field));
  if (result.valid && problems.length === 0 && ruleErrors.length === 0) return result;
  return { valid: false, errors: [...problems, ...domainErrors, ...ruleErrors] };
};

/** Rows validated between turns of the event loop: at about 130 µs a row (mostly the endpoint's DTO), some 65 ms. */
const rowsPerTurn = 500;

/**
 * Per row (index = row − 1): its validation. Cheap enough that a resumed job
 * simply redoes it (a 100,000-row file in about 13 s, while the upload has been
 * answered); it yields to the event loop between slices of rows, so a large
 * file does not stall requests.
 */
export const validateFile = async (rows: readonly ImportFileRow[], defaultCountryCode?: string): Promise<ImportRowResult[]> => {
  const results: ImportRowResult[] = [];
  for (let start = 0; start < rows.length; start += rowsPerTurn) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const row of rows.slice(start, start + rowsPerTurn)) results.push(await validateFileRow(row, defaultCountryCode));
  }
  return results;
};
