import { findDuplicateRowsInFile } from './customer-import-row.dedupe';

const row = (n: number, emails: string[] = [], phones: string[] = []) => ({ row: n, emails, phones });

describe('findDuplicateRowsInFile', () => {
  it('finds nothing in a file without repeats', () => {
    expect(findDuplicateRowsInFile([row(1, ['a@x.example']), row(2, ['b@x.example'], ['+15550100001']), row(3)])).toEqual([]);
  });

  it('marks a row that repeats an earlier email or phone, pointing at the earlier row', () => {
    expect(findDuplicateRowsInFile([
      row(1, ['a@x.example'], ['+15550100001']),
      row(2, ['a@x.example']),
      row(3, ['c@x.example'], ['+15550100001']),
    ])).toEqual([
      { row: 2, duplicateOf: { row: 1 }, reason: 'email' },
      { row: 3, duplicateOf: { row: 1 }, reason: 'phone' },
    ]);
  });

  it('names email as the reason when both match', () => {
    expect(findDuplicateRowsInFile([row(1, ['a@x.example'], ['+15550100001']), row(2, ['a@x.example'], ['+15550100001'])])).toEqual([
      { row: 2, duplicateOf: { row: 1 }, reason: 'email' },
    ]);
  });

  it('follows a chain to the row that will be imported', () => {
    // Row 2 repeats row 1's email; row 3 shares only row 2's phone: it is row 1's customer too.
    expect(findDuplicateRowsInFile([row(1, ['a@x.example']), row(2, ['a@x.example'], ['+15550100002']), row(3, [], ['+15550100002'])])).toEqual([
      { row: 2, duplicateOf: { row: 1 }, reason: 'email' },
      { row: 3, duplicateOf: { row: 1 }, reason: 'phone' },
    ]);
  });

  it('does not mistake an email for a phone with the same text', () => {
    expect(findDuplicateRowsInFile([row(1, ['x']), row(2, [], ['x'])])).toEqual([]);
  });

  it('gives the same answer for the same rows (pure)', () => {
    const rows = [row(1, ['a@x.example']), row(5, ['a@x.example'])];
    expect(findDuplicateRowsInFile(rows)).toEqual(findDuplicateRowsInFile(rows));
    expect(findDuplicateRowsInFile(rows)).toEqual([{ row: 5, duplicateOf: { row: 1 }, reason: 'email' }]);
  });
});
