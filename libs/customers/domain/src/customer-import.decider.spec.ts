import { AggregateNotFound } from '@meridian/platform/eventsourcing';
import { DeciderSpecification } from '@meridian/platform/eventsourcing/testing';
import type { RecordImportBatch } from './customer-import.commands';
import { customerImportDecider, customerImportStreamId, decideCustomerImport } from './customer-import.decider';
import type { CustomerImportEvent } from './customer-import.events';
import { initialCustomerImportState } from './customer-import.state';
import { CustomerRuleCodes as Codes } from './customer.rules';
import { batchProcessed, fileSha256, importId, importStarted, importStream, startImport } from './testing/customer-import.fixtures';

const spec = DeciderSpecification.for(customerImportDecider);
const at = '2026-03-05T08:10:00.000Z';

const recordBatch = (data: Partial<RecordImportBatch['data']> & Pick<RecordImportBatch['data'], 'firstRow' | 'lastRow'>): RecordImportBatch => {
  const { firstRow, lastRow } = data;
  return { type: 'RecordImportBatch', data: { ...batchProcessed(firstRow, lastRow).data, ...data } };
};
const complete = { type: 'CompleteCustomerImport', data: { importId, completedAt: at } } as const;
const completed = (imported: number, duplicates = 0, rejected = 0): CustomerImportEvent => ({
  type: 'CustomerImportCompleted',
  data: { importId, imported, duplicates, rejected, completedAt: at },
});

describe('customer import stream id', () => {
  it('is customer_import-<importId>', () => {
    expect(customerImportStreamId(importId)).toBe(importStream);
  });
});

describe('StartCustomerImport', () => {
  it('starts the job for a file', () => {
    spec.given([]).when(startImport()).then([importStarted()]);
  });

  it('takes the file hash in either case, recording it lower-cased', () => {
    const command = startImport();
    spec.given([]).when({ ...command, data: { ...command.data, fileSha256: fileSha256.toUpperCase() } }).then([importStarted()]);
  });

  it('appends nothing when the same file is started again, even once completed', () => {
    spec.given([importStarted()]).when(startImport()).thenNothingHappens();
    spec.given([importStarted(2), batchProcessed(1, 2), completed(2)]).when(startImport(2)).thenNothingHappens();
  });

  it('refuses another file under the same job id', () => {
    const command = startImport();
    spec.given([importStarted()]).when({ ...command, data: { ...command.data, fileSha256: 'b'.repeat(64) } }).thenRejects(Codes.importFileMismatch);
  });

  it('refuses a malformed hash, a negative or fractional row count, and a blank file name', () => {
    const data = startImport().data;
    spec.given([]).when({ type: 'StartCustomerImport', data: { ...data, fileSha256: 'abc' } }).thenRejects(Codes.importInvalidFile);
    spec.given([]).when({ type: 'StartCustomerImport', data: { ...data, rowCount: -1 } }).thenRejects(Codes.importInvalidFile);
    spec.given([]).when({ type: 'StartCustomerImport', data: { ...data, rowCount: 1.5 } }).thenRejects(Codes.importInvalidFile);
    spec.given([]).when({ type: 'StartCustomerImport', data: { ...data, fileName: ' ' } }).thenRejects(Codes.blankField);
  });
});

describe('RecordImportBatch', () => {
  it('records the outcome of the next rows', () => {
    spec.given([importStarted()]).when(recordBatch({ firstRow: 1, lastRow: 2 })).then([batchProcessed(1, 2)]);
    spec.given([importStarted(), batchProcessed(1, 2)]).when(recordBatch({ firstRow: 3, lastRow: 5 })).then([batchProcessed(3, 5)]);
  });

  it('records imported, duplicate and rejected rows, copying only the agreed fields', () => {
    const command = recordBatch({
      firstRow: 1,
      lastRow: 3,
      imported: [{ row: 1, customerId: 'cust-1', possibleDuplicates: ['cust-9', 'cust-9'] }],
      duplicates: [{ row: 2, duplicateOf: { row: 1, customerId: 'cust-1' }, reason: 'email' }],
      rejected: [{ row: 3, errors: [{ field: 'name', message: 'is required', hint: 'x' } as { field: string; message: string }] }],
    });
    const [event] = decideCustomerImport(command, customerImportDecider.evolve(initialCustomerImportState, importStarted()));
    expect(event.data).toEqual({
      importId, firstRow: 1, lastRow: 3, processedAt: command.data.processedAt,
      imported: [{ row: 1, customerId: 'cust-1', possibleDuplicates: ['cust-9'] }],
      duplicates: [{ row: 2, duplicateOf: { customerId: 'cust-1', row: 1 }, reason: 'email' }],
      rejected: [{ row: 3, errors: [{ field: 'name', message: 'is required' }] }],
    });
  });

  it('appends nothing for a batch that was already recorded (same first row)', () => {
    spec.given([importStarted(), batchProcessed(1, 2), batchProcessed(3, 5)]).when(recordBatch({ firstRow: 1, lastRow: 2 })).thenNothingHappens();
    spec.given([importStarted(), batchProcessed(1, 5), completed(5)]).when(recordBatch({ firstRow: 1, lastRow: 5 })).thenNothingHappens();
  });

  it('refuses a batch that skips or overlaps rows', () => {
    spec.given([importStarted()]).when(recordBatch({ firstRow: 2, lastRow: 3 })).thenRejects(Codes.importBatchOutOfOrder);
    spec.given([importStarted(), batchProcessed(1, 3)]).when(recordBatch({ firstRow: 2, lastRow: 4 })).thenRejects(Codes.importBatchOutOfOrder);
  });

  it('refuses a new batch on a completed import', () => {
    spec.given([importStarted(0), completed(0)]).when(recordBatch({ firstRow: 1, lastRow: 1 })).thenRejects(Codes.importCompleted);
  });

  it.each([
    ['a last row past the file', { firstRow: 1, lastRow: 6 }],
    ['a last row before the first', { firstRow: 1, lastRow: 0, imported: [] }],
    ['a row left out', { firstRow: 1, lastRow: 2, imported: [{ row: 1, customerId: 'c' }] }],
    ['a row listed twice', { firstRow: 1, lastRow: 2, imported: [{ row: 1, customerId: 'c' }], rejected: [{ row: 1, errors: [{ field: 'f', message: 'm' }] }] }],
    ['a row outside the batch', { firstRow: 1, lastRow: 1, imported: [{ row: 1, customerId: 'c' }, { row: 2, customerId: 'd' }] }],
    ['a blank customer id', { firstRow: 1, lastRow: 1, imported: [{ row: 1, customerId: ' ' }] }],
    ['a duplicate pointing nowhere', { firstRow: 1, lastRow: 1, imported: [], duplicates: [{ row: 1, duplicateOf: {}, reason: 'email' }] }],
    ['a duplicate of a later row', { firstRow: 1, lastRow: 2, imported: [{ row: 2, customerId: 'c' }], duplicates: [{ row: 1, duplicateOf: { row: 2 }, reason: 'email' }] }],
    ['a duplicate for an unknown reason', { firstRow: 1, lastRow: 1, imported: [], duplicates: [{ row: 1, duplicateOf: { customerId: 'c' }, reason: 'name' }] }],
    ['a rejection without errors', { firstRow: 1, lastRow: 1, imported: [], rejected: [{ row: 1, errors: [] }] }],
    ['a rejection with a blank message', { firstRow: 1, lastRow: 1, imported: [], rejected: [{ row: 1, errors: [{ field: 'name', message: '' }] }] }],
  ] as const)('refuses a batch with %s', (_case, data) => {
    spec.given([importStarted()]).when(recordBatch(data as Parameters<typeof recordBatch>[0])).thenRejects(Codes.importBatchInvalid);
  });

  it('refuses a batch for an import never started', () => {
    spec.given([]).when(recordBatch({ firstRow: 1, lastRow: 1 })).thenRejects(Codes.notFound);
  });
});

describe('CompleteCustomerImport', () => {
  it('completes once every row was processed, with the counts of all batches', () => {
    const second = recordBatch({
      firstRow: 3, lastRow: 5,
      imported: [{ row: 3, customerId: 'c3' }],
      duplicates: [{ row: 4, duplicateOf: { row: 3 }, reason: 'phone' }],
      rejected: [{ row: 5, errors: [{ field: 'region', message: 'is required' }] }],
    });
    const secondEvent: CustomerImportEvent = { type: 'CustomerImportBatchProcessed', data: second.data };
    spec.given([importStarted(), batchProcessed(1, 2), secondEvent]).when(complete).then([completed(3, 1, 1)]);
  });

  it('completes an empty file at once', () => {
    spec.given([importStarted(0)]).when(complete).then([completed(0)]);
  });

  it('refuses to complete before every row was processed', () => {
    spec.given([importStarted()]).when(complete).thenRejects(Codes.importIncomplete);
    spec.given([importStarted(), batchProcessed(1, 4)]).when(complete).thenRejects(Codes.importIncomplete);
  });

  it('appends nothing when completed again', () => {
    spec.given([importStarted(2), batchProcessed(1, 2), completed(2)]).when(complete).thenNothingHappens();
  });

  it('refuses an import never started, naming its stream', () => {
    expect(() => decideCustomerImport(complete, initialCustomerImportState)).toThrow(AggregateNotFound);
    expect(() => decideCustomerImport(complete, initialCustomerImportState)).toThrow(importStream);
  });
});
