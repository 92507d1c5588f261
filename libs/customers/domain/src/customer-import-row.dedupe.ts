import type { DuplicateRow } from './customer-import.events';

/** The normalised contact points of one valid row of an import file. */
export type ImportRowContactPoints = Readonly<{ row: number; emails: readonly string[]; phones: readonly string[] }>;

/**
 * The rows of a file that repeat an earlier row's email or phone (emails are
 * checked first). Each duplicate points at the earliest row that will be
 * imported: a duplicate's own other emails and phones also lead to that row, so
 * a chain (row 3 shares a phone with row 2, which shares an email with row 1)
 * ends at row 1 rather than at a row that is not imported.
 *
 * Give it every valid row of the file in row order (earlier batches included),
 * normalised as `validateImportRow` returns them; keep the entries of the
 * batch at hand. Pure: the same rows always give the same answer.
 */
export const findDuplicateRowsInFile = (rows: readonly ImportRowContactPoints[]): DuplicateRow[] => {
  const ownerOf = new Map<string, number>();
  const duplicates: DuplicateRow[] = [];
  for (const { row, emails, phones } of rows) {
    const keys = [...emails.map((email) => `email:${email}`), ...phones.map((phone) => `phone:${phone}`)];
    const match = keys.find((key) => ownerOf.has(key));
    const owner = match === undefined ? row : (ownerOf.get(match) as number);
    if (match !== undefined) {
      duplicates.push({ row, duplicateOf: { row: owner }, reason: match.startsWith('email:') ? 'email' : 'phone' });
    }
    for (const key of keys) if (!ownerOf.has(key)) ownerOf.set(key, owner);
  }
  return duplicates;
};
