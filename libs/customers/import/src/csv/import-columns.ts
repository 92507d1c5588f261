/**
 * The columns an import file may have, matched the way `validateImportRow`
 * matches them: case, spaces and punctuation do not count ("Owner ID",
 * "owner_id" and "ownerId" are one column), and "email"/"phone" are the
 * singular of "emails"/"phones". The domain keeps that matching private, so it
 * is repeated here; `import-columns.spec.ts` pins the two together by running
 * every accepted spelling through `validateImportRow`.
 */
export const importColumns = ['name', 'region', 'ownerId', 'kind', 'industry', 'size', 'sourceChannel', 'emails', 'phones'] as const;
export type ImportColumn = (typeof importColumns)[number];

/** Rows without these cannot be valid, so a file lacking the column is refused as a whole. */
export const requiredImportColumns: readonly ImportColumn[] = ['name', 'region', 'ownerId'];

const keyOf = (header: string): string => header.toLowerCase().replace(/[^a-z0-9]/g, '');
const aliases: Readonly<Record<string, ImportColumn>> = { email: 'emails', phone: 'phones' };
const byKey: ReadonlyMap<string, ImportColumn> = new Map(importColumns.map((column) => [keyOf(column), column]));

/** The column a header names, or undefined for a header we do not know. */
export const importColumnOf = (header: string): ImportColumn | undefined => {
  const key = keyOf(header);
  return aliases[key] ?? byKey.get(key);
};
