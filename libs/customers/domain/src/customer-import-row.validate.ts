import type { RegisterCustomer } from './customer.commands';
import type { ImportFieldError } from './customer-import.events';
import { checkEmail, checkPhone } from './contact-point.normalise';
import type { CustomerKind } from './customer.values';
import { companySizes, customerKinds, isOneOf } from './customer.values';

/** What a valid row gives: a RegisterCustomer's data without the id and time the importer assigns. */
export type ImportedCustomerProfile = Omit<RegisterCustomer['data'], 'customerId' | 'registeredAt' | 'defaultCountryCode'>;

export type ImportRowResult =
  | Readonly<{ valid: true; profile: ImportedCustomerProfile }>
  | Readonly<{ valid: false; errors: readonly ImportFieldError[] }>;

/** One CSV row: header → cell text, as the parser gave it. */
export type ImportRowRecord = Readonly<Record<string, string | undefined>>;

/** The channel an imported customer came through unless its row names one. */
export const importSourceChannel = 'import';

/** A blank `kind` means a company: import files are mostly company lists, and a wrong value (not a blank) is still an error. */
export const defaultImportKind: CustomerKind = 'company';

/** Several emails or phones share one cell, separated by `;`. */
export const listSeparator = ';';

// Headers are matched loosely ("Owner ID", "owner_id" and "ownerId" are the same
// column), because files come from spreadsheets people edit by hand.
const columnOf = (header: string): string => header.toLowerCase().replace(/[^a-z0-9]/g, '');
const columnAliases: Readonly<Record<string, string>> = { email: 'emails', phone: 'phones' };

const cellsOf = (record: ImportRowRecord): Map<string, string[]> => {
  const cells = new Map<string, string[]>();
  for (const [header, value] of Object.entries(record)) {
    const column = columnOf(header);
    const field = columnAliases[column] ?? column;
    cells.set(field, [...(cells.get(field) ?? []), (value ?? '').trim()]);
  }
  return cells;
};

const splitList = (cells: readonly string[]): string[] =>
  cells.flatMap((cell) => cell.split(listSeparator)).map((item) => item.trim()).filter((item) => item !== '');

/**
 * A row's values by field, read as the file means them but not yet checked:
 * cells trimmed, the first non-blank cell of a repeated column, lists split on
 * `;`, a blank kind and source channel given their defaults, '' for blank.
 * Exported so callers that hold rows to further rules check the same values.
 */
export type ImportRowFields = Readonly<{
  name: string;
  region: string;
  ownerId: string;
  kind: string;
  industry: string;
  size: string;
  sourceChannel: string;
  emails: readonly string[];
  phones: readonly string[];
}>;

export const importRowFields = (record: ImportRowRecord): ImportRowFields => {
  const cells = cellsOf(record);
  const text = (field: string): string => (cells.get(columnOf(field)) ?? []).find((cell) => cell !== '') ?? '';
  return {
    name: text('name'),
    region: text('region'),
    ownerId: text('ownerId'),
    kind: text('kind').toLowerCase() || defaultImportKind,
    industry: text('industry'),
    size: text('size'),
    sourceChannel: text('sourceChannel') || importSourceChannel,
    emails: splitList(cells.get('emails') ?? []),
    phones: splitList(cells.get('phones') ?? []),
  };
};

/**
 * Validates one parsed row and returns a profile ready to register (trimmed,
 * emails and phones normalised and de-duplicated), or every problem of the row,
 * one per field and value. Required: name, region, ownerId. Optional: kind
 * (company or person, blank = company), industry, size, sourceChannel (blank =
 * `import`), emails and phones. Unknown columns are ignored.
 */
export const validateImportRow = (record: ImportRowRecord, defaultCountryCode?: string): ImportRowResult => {
  const fields = importRowFields(record);
  const errors: ImportFieldError[] = [];
  for (const field of ['name', 'region', 'ownerId'] as const) {
    if (fields[field] === '') errors.push({ field, message: 'is required' });
  }
  const { name, region, ownerId, industry, sourceChannel } = fields;
  const kind = isOneOf(customerKinds, fields.kind) ? fields.kind : undefined;
  if (kind === undefined) errors.push({ field: 'kind', message: `"${fields.kind}" is not one of ${customerKinds.join(', ')}` });
  const size = isOneOf(companySizes, fields.size) ? fields.size : undefined;
  if (fields.size !== '' && size === undefined) errors.push({ field: 'size', message: `"${fields.size}" is not one of ${companySizes.join(', ')}` });
  const emails: string[] = [];
  for (const raw of fields.emails) {
    const result = checkEmail(raw);
    if (!result.valid) errors.push({ field: 'emails', message: `"${raw}" ${result.problem}` });
    else if (!emails.includes(result.value)) emails.push(result.value);
  }
  const phones: string[] = [];
  for (const raw of fields.phones) {
    const result = checkPhone(raw, defaultCountryCode);
    if (!result.valid) errors.push({ field: 'phones', message: `"${raw}" ${result.problem}` });
    else if (!phones.includes(result.value)) phones.push(result.value);
  }
  if (errors.length > 0 || kind === undefined) return { valid: false, errors };
  return {
    valid: true,
    profile: {
      kind, name,
      ...(industry !== '' ? { industry } : {}),
      region,
      ...(size !== undefined ? { size } : {}),
      sourceChannel,
      ownerId, emails, phones,
    },
  };
};
