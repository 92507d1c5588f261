import type { RegisterCustomer } from '@meridian/customers/domain';
import { deterministicUuid } from '@meridian/platform/eventsourcing';
import { seededRandom } from './seeded-random';
import type { SeededRandom } from './seeded-random';

/** A customer to register before the import, so rows can duplicate it. */
export type ExistingCustomerSeed = Omit<RegisterCustomer['data'], 'registeredAt'>;

/** What the import must report for a row, known by construction (not by running the importer's logic). */
export type ExpectedImportRow =
  | Readonly<{ row: number; outcome: 'imported' }>
  | Readonly<{ row: number; outcome: 'duplicate'; reason: 'email' | 'phone'; ofRow?: number; ofExistingCustomerId?: string }>
  | Readonly<{ row: number; outcome: 'rejected'; fields: readonly string[] }>;

export type CustomerImportGeneration = Readonly<{
  seed: number;
  rows: number;
  /** Rows with invalid values, cycling through several kinds of error. */
  rejected: number;
  /** Rows repeating an earlier row's email or phone (written differently). */
  inFileDuplicates: number;
  /** Rows with the email or phone of an existing customer. */
  existingDuplicates: number;
  /** Rows with a company name like an existing customer's in its region, but new contacts: imported. */
  similarNames?: number;
  lineEnding?: '\r\n' | '\n';
  bom?: boolean;
}>;

export type GeneratedCustomerImport = Readonly<{
  csv: string;
  existingCustomers: readonly ExistingCustomerSeed[];
  expected: readonly ExpectedImportRow[];
  counts: Readonly<{ imported: number; duplicates: number; rejected: number }>;
}>;

type Kind = 'unique' | 'similar' | 'existing-email' | 'existing-phone' | 'file-email' | 'file-phone' | 'invalid';
type Cells = { name: string; region: string; ownerId: string; kind: string; industry: string; size: string; sourceChannel: string; emails: string; phones: string };
type Original = Readonly<{ row: number; email: string; phoneDigits: string; existingCustomerId?: string }>;

const header: readonly (keyof Cells)[] = ['name', 'region', 'ownerId', 'kind', 'industry', 'size', 'sourceChannel', 'emails', 'phones'];
const regions = ['EU', 'US', 'APAC', 'LATAM'];
const words = ['Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Litware', 'Adatum', 'Proseware', 'Wingtip', 'Lucerne', 'Margie', 'Humongous', 'Alpine'];
const things = ['Traders', 'Logistics', 'Analytics', 'Foods', 'Outfitters', 'Robotics', 'Travel', 'Publishing', 'Energy', 'Clinics'];
const suffixes = ['Ltd', 'Inc', 'GmbH', 'LLC', 'SA', 'BV', ''];
const sizes = ['', '1-10', '11-50', '51-200', '201-1000', '1001+'];
const domains = ['example.com', 'example.org', 'gmail.com'];

// Invalid rows cycle through these: what to break, and which fields the report must name.
const invalidKinds: readonly [(cells: Cells, extra: string[]) => void, readonly string[]][] = [
  [(cells) => (cells.emails = 'not-an-email'), ['emails']],
  [(cells) => (cells.phones = 'call me maybe'), ['phones']],
  [(cells) => (cells.name = ''), ['name']],
  [(cells) => (cells.ownerId = '  '), ['ownerId']],
  [(cells) => (cells.kind = 'partner'), ['kind']],
  [(cells) => (cells.size = '5000+'), ['size']],
  [(cells) => ((cells.region = ''), (cells.emails = 'bob@')), ['region', 'emails']],
  [(_, extra) => extra.push('surplus value'), ['row']],
  [(cells) => (cells.phones = '12345'), ['phones']],
];

const csvCell = (value: string): string => (/[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const digits7 = (n: number): string => String(n).padStart(7, '0');
const phoneFormats = [
  (area: string, d: string) => `+1 ${area} ${d.slice(0, 3)} ${d.slice(3)}`,
  (area: string, d: string) => `(${area}) ${d.slice(0, 3)}-${d.slice(3)}`,
  (area: string, d: string) => `${area}.${d.slice(0, 3)}.${d.slice(3)}`,
];
const phoneOf = (random: SeededRandom, area: string, n: number): string => random.pick(phoneFormats)(area, digits7(n));

/** Another way of writing the same address: upper case, or Gmail's dots and +tag. */
const emailVariant = (email: string): string => {
  const [local, domain] = email.split('@');
  return domain === 'gmail.com' ? `${local.replace(/\./g, '')}+import@${domain}` : email.toUpperCase();
};

const companyName = (random: SeededRandom, row: number): string => {
  const base = `${random.pick(words)} ${random.pick(things)} ${row}`;
  const suffix = random.pick(suffixes);
  // Some names need quoting: embedded commas, quotes and line breaks.
  const odd = random.below(20);
  if (odd === 0) return `${base}, ${suffix || 'Holdings'}`;
  if (odd === 1) return `${base} "The ${random.pick(things)}" ${suffix}`.trim();
  if (odd === 2) return `${base}\n${suffix || 'Group'}`;
  return `${base} ${suffix}`.trim();
};

const existingCustomersFor = (random: SeededRandom, seed: number, count: number): ExistingCustomerSeed[] =>
  Array.from({ length: count }, (_, index) => ({
    customerId: deterministicUuid('customer-import-generator', String(seed), String(index)),
    kind: 'company',
    name: `${random.pick(words)} ${random.pick(things)} Existing ${index} GmbH`,
    region: random.pick(regions),
    sourceChannel: 'crm',
    ownerId: 'rep-existing',
    emails: [`e${index}.contact@${random.pick(domains)}`],
    phones: [`+1777${digits7(index)}`],
  }));

const kindsFor = (random: SeededRandom, options: CustomerImportGeneration): Kind[] => {
  const { rows, rejected, inFileDuplicates, existingDuplicates, similarNames = 0 } = options;
  const special = rejected + inFileDuplicates + existingDuplicates + similarNames;
  if (special >= rows) throw new Error(`${special} special rows do not fit in ${rows} rows`);
  const existingEmail = Math.ceil(existingDuplicates / 2);
  const fileEmail = Math.ceil(inFileDuplicates / 2);
  const kinds: Kind[] = [
    ...Array<Kind>(rejected).fill('invalid'),
    ...Array<Kind>(fileEmail).fill('file-email'),
    ...Array<Kind>(inFileDuplicates - fileEmail).fill('file-phone'),
    ...Array<Kind>(existingEmail).fill('existing-email'),
    ...Array<Kind>(existingDuplicates - existingEmail).fill('existing-phone'),
    ...Array<Kind>(similarNames).fill('similar'),
    ...Array<Kind>(rows - special).fill('unique'),
  ];
  const shuffled = random.shuffle(kinds);
  // An in-file duplicate needs an earlier row to repeat: the file starts with a plain row.
  const firstUnique = shuffled.indexOf('unique');
  [shuffled[0], shuffled[firstUnique]] = [shuffled[firstUnique], shuffled[0]];
  return shuffled;
};

/**
 * A realistic import file with a known report: `rows` rows, of which exactly
 * `rejected` are invalid, `inFileDuplicates` repeat an earlier row and
 * `existingDuplicates` repeat an existing customer (register
 * `existingCustomers` first). The same options always give the same bytes.
 * Emails and phones are numbered by row, not by seed: two generated files
 * imported into one tenant duplicate each other, so give each its own tenant.
 */
export const generateCustomerImportCsv = (options: CustomerImportGeneration): GeneratedCustomerImport => {
  const random = seededRandom(options.seed);
  const existing = existingCustomersFor(random, options.seed, options.existingDuplicates + (options.similarNames ?? 0) + 10);
  const unusedExisting = random.shuffle(existing);
  const kinds = kindsFor(random, options);
  const originals: Original[] = [];
  const expected: ExpectedImportRow[] = [];
  const lines: string[] = [header.join(',')];
  let invalidCount = 0;
  kinds.forEach((kind, index) => {
    const row = index + 1;
    const domain = random.pick(domains);
    const freshEmail = domain === 'gmail.com' ? `first.last.x${row}@gmail.com` : `x${row}@${domain}`;
    const cells: Cells = {
      name: companyName(random, row), region: random.pick(regions), ownerId: `rep-${random.below(5)}`,
      kind: random.pick(['', 'company', 'company', 'person']), industry: random.pick(['', 'Retail', 'Software & Services', 'Health Care Providers', 'Industrial Machinery']),
      size: random.pick(sizes), sourceChannel: random.pick(['', 'fair', 'webinar']),
      emails: freshEmail, phones: phoneOf(random, '556', row),
    };
    const extra: string[] = [];
    if (kind === 'unique') {
      const email = domain === 'gmail.com' ? `ada.lovelace.r${row}@gmail.com` : `sales.r${row}@${domain}`;
      cells.emails = random.below(10) === 0 ? `${email}; info.r${row}@example.net` : email;
      cells.phones = phoneOf(random, '555', row);
      originals.push({ row, email, phoneDigits: `555${digits7(row)}` });
      expected.push({ row, outcome: 'imported' });
    } else if (kind === 'similar') {
      const customer = unusedExisting.pop() as ExistingCustomerSeed;
      Object.assign(cells, { name: customer.name.replace(/ GmbH$/, ' Ltd'), region: customer.region, kind: 'company' });
      originals.push({ row, email: freshEmail, phoneDigits: `556${digits7(row)}` });
      expected.push({ row, outcome: 'imported' });
    } else if (kind === 'existing-email' || kind === 'existing-phone') {
      const customer = unusedExisting.pop() as ExistingCustomerSeed;
      if (kind === 'existing-email') cells.emails = emailVariant(customer.emails[0]);
      else cells.phones = phoneFormats[0]('777', customer.phones[0].slice(5));
      originals.push({
        row,
        email: kind === 'existing-email' ? customer.emails[0] : freshEmail,
        phoneDigits: kind === 'existing-phone' ? customer.phones[0].slice(2) : `556${digits7(row)}`,
        existingCustomerId: customer.customerId,
      });
      expected.push({ row, outcome: 'duplicate', reason: kind === 'existing-email' ? 'email' : 'phone', ofExistingCustomerId: customer.customerId });
    } else if (kind === 'file-email' || kind === 'file-phone') {
      const original = random.pick(originals);
      if (kind === 'file-email') cells.emails = emailVariant(original.email);
      else cells.phones = random.pick(phoneFormats)(original.phoneDigits.slice(0, 3), original.phoneDigits.slice(3));
      expected.push({
        row, outcome: 'duplicate', reason: kind === 'file-email' ? 'email' : 'phone', ofRow: original.row,
        ...(original.existingCustomerId ? { ofExistingCustomerId: original.existingCustomerId } : {}),
      });
    } else {
      const [breakRow, fields] = invalidKinds[invalidCount++ % invalidKinds.length];
      breakRow(cells, extra);
      expected.push({ row, outcome: 'rejected', fields });
    }
    lines.push([...header.map((column) => csvCell(cells[column])), ...extra].join(','));
  });
  const count = (outcome: ExpectedImportRow['outcome']) => expected.filter((entry) => entry.outcome === outcome).length;
  const lineEnding = options.lineEnding ?? '\r\n';
  return {
    csv: `${options.bom ? '\ufeff' : ''}${lines.join(lineEnding)}${lineEnding}`,
    existingCustomers: existing,
    expected,
    counts: { imported: count('imported'), duplicates: count('duplicate'), rejected: count('rejected') },
  };
};
