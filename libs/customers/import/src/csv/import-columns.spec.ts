import { validateImportRow } from '@meridian/customers/domain';
import { importColumnOf, importColumns } from './import-columns';

// The reader refuses headers `importColumnOf` does not know, and the domain's
// validator reads the ones it does: the two must agree on every column.
const base = { name: 'Acme', region: 'EU', ownerId: 'u-1' };
const sample: Readonly<Record<string, string>> = {
  name: 'Globex', region: 'US', ownerId: 'u-2', kind: 'person', industry: 'Retail', size: '11-50', sourceChannel: 'fair',
  emails: 'a@x.example', phones: '+4930123456',
};

describe('import columns', () => {
  it.each(importColumns.flatMap((column) => [column, column.toUpperCase(), column.replace(/([A-Z])/g, ' $1')]))(
    'header "%s" is known here and read by validateImportRow',
    (header) => {
      const column = importColumnOf(header);
      expect(column).toBeDefined();
      const value = sample[column as string];
      const others = Object.fromEntries(Object.entries(base).filter(([key]) => key !== column));
      const result = validateImportRow({ ...others, [header]: value });
      expect(result.valid).toBe(true);
      expect(JSON.stringify(result)).toContain(JSON.stringify(value));
    },
  );

  it.each(['email', 'Phone', 'e-mail'])('"%s" is the singular of a list column', (header) => {
    expect(importColumnOf(header)).toMatch(/^(emails|phones)$/);
  });

  it.each(['emial', 'notes', 'customerId', ''])('"%s" is not a column', (header) => {
    expect(importColumnOf(header)).toBeUndefined();
  });
});
