import { validateImportRow } from './customer-import-row.validate';

const row = (overrides: Record<string, string | undefined> = {}) => ({
  name: 'Northwind Traders',
  kind: 'company',
  industry: 'retail',
  region: 'emea',
  size: '11-50',
  sourceChannel: 'trade-show',
  ownerId: 'rep-ana',
  emails: 'Info@Northwind.example; sales@northwind.example',
  phones: '+44 20 7946 0018',
  ...overrides,
});

describe('validateImportRow', () => {
  it('turns a valid row into a profile ready to register, normalised', () => {
    expect(validateImportRow(row())).toEqual({
      valid: true,
      profile: {
        kind: 'company', name: 'Northwind Traders', industry: 'retail', region: 'emea', size: '11-50', sourceChannel: 'trade-show',
        ownerId: 'rep-ana', emails: ['info@northwind.example', 'sales@northwind.example'], phones: ['+442079460018'],
      },
    });
  });

  it('needs only name, region and owner: kind defaults to company, source channel to import, lists to empty', () => {
    expect(validateImportRow({ name: ' Ann Lee ', region: 'na', ownerId: 'rep-bo' })).toEqual({
      valid: true,
      profile: { kind: 'company', name: 'Ann Lee', region: 'na', sourceChannel: 'import', ownerId: 'rep-bo', emails: [], phones: [] },
    });
  });

  it('reads a person, whatever the case of the kind', () => {
    const result = validateImportRow(row({ kind: ' Person ' }));
    expect(result).toMatchObject({ valid: true, profile: { kind: 'person' } });
  });

  it('matches headers loosely: case, spaces, underscores and singular list names', () => {
    const result = validateImportRow({ ' Name ': 'Acme', REGION: 'dach', owner_id: 'rep-ana', 'Source Channel': 'fair', Email: 'a@acme.example', 'phone': '555 010 4477' });
    expect(result).toEqual({
      valid: true,
      profile: { kind: 'company', name: 'Acme', region: 'dach', sourceChannel: 'fair', ownerId: 'rep-ana', emails: ['a@acme.example'], phones: ['+15550104477'] },
    });
  });

  it('merges the email and emails columns, de-duplicated after normalisation', () => {
    const result = validateImportRow(row({ email: 'sales@NORTHWIND.example', emails: 'info@northwind.example;;' }));
    expect(result).toMatchObject({ valid: true, profile: { emails: ['info@northwind.example', 'sales@northwind.example'] } });
  });

  it('uses the default country code given for numbers without one', () => {
    expect(validateImportRow(row({ phones: '030 1234567; (030) 123-4567' }), '+49')).toMatchObject({ valid: true, profile: { phones: ['+49301234567'] } });
  });

  it('ignores columns it does not know and blank optional cells', () => {
    const result = validateImportRow(row({ notes: 'call in May', industry: ' ', size: '', sourceChannel: '' }));
    expect(result).toEqual({
      valid: true,
      profile: {
        kind: 'company', name: 'Northwind Traders', region: 'emea', sourceChannel: 'import', ownerId: 'rep-ana',
        emails: ['info@northwind.example', 'sales@northwind.example'], phones: ['+442079460018'],
      },
    });
  });

  it('reports every problem of the row, one per field and value', () => {
    const result = validateImportRow(row({ name: ' ', region: undefined, ownerId: '', kind: 'partner', size: '10-50', emails: 'ok@x.example; bad@; also bad', phones: '12; +44 20 7946 0018' }));
    expect(result).toEqual({
      valid: false,
      errors: [
        { field: 'name', message: 'is required' },
        { field: 'region', message: 'is required' },
        { field: 'ownerId', message: 'is required' },
        { field: 'kind', message: '"partner" is not one of company, person' },
        { field: 'size', message: '"10-50" is not one of 1-10, 11-50, 51-200, 201-1000, 1001+' },
        { field: 'emails', message: '"bad@" needs a local part, an @ and a domain' },
        { field: 'emails', message: '"also bad" needs a local part, an @ and a domain' },
        { field: 'phones', message: '"12" has 3 digits; 7 to 15 are needed' },
      ],
    });
  });
});
