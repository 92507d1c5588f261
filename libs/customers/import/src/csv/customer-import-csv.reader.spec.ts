import { validateImportRow } from '@meridian/customers/domain';
import { readImportCsv } from './customer-import-csv.reader';
import { ImportFileRejected, importFileProblemCodes } from './import-file.errors';

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');
const header = 'name,region,ownerId,emails,phones';

const rejection = (text: string | Buffer): ImportFileRejected => {
  try {
    readImportCsv(typeof text === 'string' ? bytes(text) : text);
  } catch (error) {
    if (error instanceof ImportFileRejected) return error;
    throw error;
  }
  throw new Error('the file was accepted');
};

describe('readImportCsv', () => {
  it('reads quoted cells with embedded commas, quotes and line breaks', () => {
    const file = readImportCsv(bytes(`${header}\n"Acme, Inc.","EU",u-1,"a@acme.example","+1 555 010 4477"\n"Line\nBreak ""Ltd""",US,u-2,,\n`));
    expect(file.rows.map((row) => row.record)).toEqual([
      { name: 'Acme, Inc.', region: 'EU', ownerId: 'u-1', emails: 'a@acme.example', phones: '+1 555 010 4477' },
      { name: 'Line\nBreak "Ltd"', region: 'US', ownerId: 'u-2', emails: '', phones: '' },
    ]);
  });

  it('drops a UTF-8 BOM and reads CRLF, LF and CR line endings alike', () => {
    const file = readImportCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes(`${header}\r\nA,EU,u-1,,\r\nB,EU,u-1,,\nC,EU,u-1,,\rD,EU,u-1,,`)]));
    expect(file.headers[0]).toBe('name');
    expect(file.rows.map((row) => row.record['name'])).toEqual(['A', 'B', 'C', 'D']);
    expect(file.rows.map((row) => row.record['ownerId'])).toEqual(['u-1', 'u-1', 'u-1', 'u-1']);
  });

  it('skips blank lines and rows of empty cells, so row numbers count real rows', () => {
    const file = readImportCsv(bytes(`${header}\n\nA,EU,u-1,,\n,,,,\n\nB,EU,u-1,,\n`));
    expect(file.rows.map((row) => row.record['name'])).toEqual(['A', 'B']);
  });

  it('keeps a cell with a stray quote as one value', () => {
    expect(readImportCsv(bytes(`${header}\nAcme "Best" Ltd,EU,u-1,,\n`)).rows[0].record['name']).toBe('Acme "Best" Ltd');
  });

  it('flags a row with more values than the header has columns, and reads a short row as blanks', () => {
    const file = readImportCsv(bytes(`${header}\nA,EU,u-1,,,surplus\nB,EU\n`));
    expect(file.rows[0].problems).toEqual([{ field: 'row', message: 'has 1 more value(s) than the header has columns (5)' }]);
    expect(file.rows[1]).toEqual({ record: { name: 'B', region: 'EU', ownerId: '', emails: '', phones: '' }, problems: [] });
  });

  it('keeps both cells of a repeated column, and validateImportRow reads both', () => {
    const file = readImportCsv(bytes('name,region,ownerId,Email,email\nA,EU,u-1,a@x.example,b@x.example\n'));
    const result = validateImportRow(file.rows[0].record);
    expect(result).toMatchObject({ valid: true, profile: { emails: ['a@x.example', 'b@x.example'] } });
  });

  it('matches headers loosely, as the row validator does', () => {
    const file = readImportCsv(bytes('Name,Region,Owner ID,Kind,Industry,Size,source_channel,E-mail,Phone\nA,EU,u-1,person,Retail,1-10,fair,a@x.example,+4930123456\n'));
    expect(validateImportRow(file.rows[0].record)).toEqual({
      valid: true,
      profile: { kind: 'person', name: 'A', industry: 'Retail', region: 'EU', size: '1-10', sourceChannel: 'fair', ownerId: 'u-1', emails: ['a@x.example'], phones: ['+4930123456'] },
    });
  });

  it('ignores a column with neither a header nor values (a trailing comma in every line)', () => {
    expect(readImportCsv(bytes(`${header},\nA,EU,u-1,,,\n`)).rows).toHaveLength(1);
  });

  it.each([
    ['an empty file', '', importFileProblemCodes.empty],
    ['only blank lines', '\n\r\n\n', importFileProblemCodes.empty],
    ['only a header', `${header}\r\n`, importFileProblemCodes.empty],
    ['no header row', 'Acme,EU,u-1,a@acme.example,\nGlobex,US,u-2,,\n', importFileProblemCodes.headerMissing],
    ['a header without a required column', 'name,region,emails\nA,EU,a@x.example\n', importFileProblemCodes.requiredColumnsMissing],
    ['values under a blank header', 'name,region,ownerId,\nA,EU,u-1,what\n', importFileProblemCodes.unnamedColumn],
    ['an unclosed quote', `${header}\n"Acme,EU,u-1,,\n`, importFileProblemCodes.unreadable],
  ])('refuses %s', (_, text, code) => {
    expect(rejection(text).code).toBe(code);
  });

  it('refuses unknown columns, naming each of them once', () => {
    const error = rejection('name,region,ownerId,emial,Notes\nA,EU,u-1,a@x.example,hello\nB,EU,u-1,b@x.example,again\n');
    expect(error.code).toBe(importFileProblemCodes.unknownColumns);
    expect(error.details['unknownColumns']).toEqual(['emial', 'Notes']);
    expect(error.message).toContain('emial, Notes');
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(rejection(Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xff, 0xfe, 0x0a])).code).toBe(importFileProblemCodes.unreadable);
  });
});
