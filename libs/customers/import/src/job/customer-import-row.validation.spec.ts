import type { ImportRowRecord, ImportRowResult } from '@meridian/customers/domain';
import { RegisterCustomerDto } from '@meridian/customers/api';
import { RequestValidationFailed, createValidationPipe } from '@meridian/platform/nest';
import { validateFile, validateFileRow } from './customer-import-row.validation';

// Rows the register endpoint (POST /api/v1/customers) refuses must be refused
// by the import too, naming the column; these were all accepted once. The
// cases check fields, not wording: the messages are the endpoint's and change with it.
const goodRow: ImportRowRecord = {
  name: 'Fabrikam Robotics', kind: 'company', region: 'emea', ownerId: 'rep-ada', industry: 'Industrial Machinery',
  size: '51-200', sourceChannel: 'fair', emails: 'sales@fabrikam.example;info@fabrikam.example', phones: '+49 30 901820',
};
const validate = (overrides: ImportRowRecord) => validateFileRow({ record: { ...goodRow, ...overrides }, problems: [] });
const fieldsOf = (result: ImportRowResult): string[] => (result.valid ? [] : result.errors.map((error) => error.field));

/** What the endpoint itself answers a body with, field by field. */
const endpointErrorsFor = async (body: Record<string, unknown>) => {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: RegisterCustomerDto });
    return [];
  } catch (error) {
    if (!(error instanceof RequestValidationFailed)) throw error;
    return error.errors;
  }
};

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
    ['a 5,002-character name', { name: 'N'.repeat(5_002) }, 'name'],
    ['a name with a control character', { name: 'Fabrikam\u0007 Robotics' }, 'name'],
    ['an owner id with a space', { ownerId: 'rep ada' }, 'ownerId'],
    ['a 500-character region', { region: 'r'.repeat(500) }, 'region'],
  ])('rejects %s, naming the column', async (_, overrides, field) => {
    const result = await validate(overrides);
    expect(result.valid).toBe(false);
    expect(fieldsOf(result)).toEqual([field]);
  });

  it('reports the endpoint\'s own message, without the field name the report already gives', async () => {
    const result = await validate({ ownerId: 'rep ada' });
    const [endpointError] = await endpointErrorsFor({ kind: 'company', name: 'Fabrikam Robotics', region: 'emea', sourceChannel: 'fair', ownerId: 'rep ada' });
    expect(endpointError.field).toBe('ownerId');
    expect(result).toEqual({ valid: false, errors: endpointError.messages.map((message) => ({ field: 'ownerId', message: message.replace(/^ownerId /, '') })) });
  });

  it('reports a field the domain already faulted once, in the domain\'s words', async () => {
    expect(await validate({ name: '' })).toEqual({ valid: false, errors: [{ field: 'name', message: 'is required' }] });
  });

  it('reports the reader\'s shape problems, the domain\'s errors and the endpoint\'s rules together', async () => {
    const shapeProblem = { field: 'row', message: 'has 1 more value(s) than the header has columns (9)' };
    const result = await validateFileRow({ record: { ...goodRow, kind: 'partner', industry: 'x'.repeat(101) }, problems: [shapeProblem] });
    expect(fieldsOf(result)).toEqual(['row', 'kind', 'industry']);
    expect(result).toMatchObject({ valid: false, errors: [shapeProblem, { message: '"partner" is not one of company, person' }, {}] });
  });

  it('checks every row of a file, in order', async () => {
    const rows = [goodRow, { ...goodRow, ownerId: 'rep ada' }].map((record) => ({ record, problems: [] }));
    expect((await validateFile(rows)).map((result) => result.valid)).toEqual([true, false]);
  });
});
