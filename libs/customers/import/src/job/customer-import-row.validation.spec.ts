import type { ImportRowRecord } from '@meridian/customers/domain';
import { validateFile, validateFileRow } from './customer-import-row.validation';

// Rows the register endpoint (POST /api/v1/customers) refuses must be refused
// by the import too, naming the column; these were all accepted once.
const goodRow: ImportRowRecord = {
  name: 'Fabrikam Robotics', kind: 'company', region: 'emea', ownerId: 'rep-ada', industry: 'Industrial Machinery',
  size: '51-200', sourceChannel: 'fair', emails: 'sales@fabrikam.example;info@fabrikam.example', phones: '+49 30 901820',
};
const validate = (overrides: ImportRowRecord) => validateFileRow({ record: { ...goodRow, ...overrides }, problems: [] });

describe('import row validation: the register endpoint\'s field rules', () => {
  it('accepts a row the endpoint accepts, as the profile to register', async () => {
    expect(await validate({})).toEqual({
      valid: true,
      profile: {
        kind: 'company', name: 'Fabrikam Robotics', industry: 'Industrial Machinery', region: 'emea', size: '51-200', sourceChannel: 'fair',
        ownerId: 'rep-ada', emails: ['sales@fabrikam.example', 'info@fabrikam.example'], phones: ['+4930901820'],
      },
    });
  });

  it.each([
    ['a 5,002-character name', { name: 'N'.repeat(5_002) }, { field: 'name', message: 'must be shorter than or equal to 200 characters' }],
    ['a name with a control character', { name: 'Fabrikam\u0007 Robotics' }, { field: 'name', message: 'must not contain control characters' }],
    ['an owner id with a space', { ownerId: 'rep ada' }, { field: 'ownerId', message: 'must be 1-128 printable characters without spaces' }],
    ['a 500-character region', { region: 'r'.repeat(500) }, { field: 'region', message: 'must be shorter than or equal to 100 characters' }],
  ])('rejects %s, naming the column', async (_, overrides, error) => {
    expect(await validate(overrides)).toEqual({ valid: false, errors: [error] });
  });

  it('reports a field the domain already faulted once, in the domain\'s words', async () => {
    expect(await validate({ name: '' })).toEqual({ valid: false, errors: [{ field: 'name', message: 'is required' }] });
  });

  it('reports the reader\'s shape problems, the domain\'s errors and the endpoint\'s rules together', async () => {
    const result = await validateFileRow({
      record: { ...goodRow, kind: 'partner', industry: 'x'.repeat(101) },
      problems: [{ field: 'row', message: 'has 1 more value(s) than the header has columns (9)' }],
    });
    expect(result).toEqual({
      valid: false,
      errors: [
        { field: 'row', message: 'has 1 more value(s) than the header has columns (9)' },
        { field: 'kind', message: '"partner" is not one of company, person' },
        { field: 'industry', message: 'must be shorter than or equal to 100 characters' },
      ],
    });
  });

  it('checks every row of a file, in order', async () => {
    const rows = [goodRow, { ...goodRow, ownerId: 'rep ada' }].map((record) => ({ record, problems: [] }));
    expect((await validateFile(rows)).map((result) => result.valid)).toEqual([true, false]);
  });
});
