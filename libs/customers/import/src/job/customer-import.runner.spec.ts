import { MemoryEventStore } from '@meridian/platform/eventsourcing';
import { readImportCsv } from '../csv/customer-import-csv.reader';
import { generateCustomerImportCsv } from '../testing/customer-import-csv.generator';
import { EventStoreCustomerDirectory } from '../testing/event-store-customer-directory';
import { comparableRows, expectedReportRows, registerExistingCustomers } from '../testing/import-report.expectations';
import { customerImportIdOf, importedCustomerIdOf } from './customer-import.ids';
import { reportRowsOf } from './customer-import.report';
import { CustomerImportStream } from './customer-import.stream';
import { importDependencies, importFile, importRequest, tenantId } from '../testing/customer-import.harness';

// Row 2's phone is this existing customer's; rows 3, 5 and 8 repeat earlier rows.
const existingGlobex = {
  customerId: 'cust-existing-globex', kind: 'company', name: 'Globex Corp', region: 'US', sourceChannel: 'crm', ownerId: 'rep-9',
  emails: ['info@globex.example'], phones: ['+15550104477'],
} as const;

const smallFile = [
  'Name,Region,Owner ID,Kind,Email,Phone',
  'Acme GmbH,EU,rep-1,,ana@acme.example,+49 30 1234567',
  'Globex,US,rep-2,,sales@globex.example,(555) 010-4477',
  'Initech,US,rep-2,,ANA@ACME.EXAMPLE,',
  ',EU,rep-1,,nope,',
  'Umbrella,EU,rep-1,,,+1 555 010 4477',
  '"Hooli, Inc.",US,rep-3,,j.doe+crm@gmail.com,',
  'Stark Industries,US,,,tony@stark.example,',
  'Wayne Enterprises,US,rep-1,,j.d.oe@gmail.com,',
  'Globex Corporation,US,rep-2,,hello@globex-corp.example,',
  'Jane Roe,EU,rep-4,person,jane@roe.example,',
].join('\r\n');

describe('runCustomerImport', () => {
  it('settles every row in batches: imported, duplicates (in the file and of existing customers), rejected', async () => {
    const store = new MemoryEventStore();
    await registerExistingCustomers(store, tenantId, [existingGlobex]);
    const request = importRequest(smallFile);
    const customer = (row: number) => importedCustomerIdOf(tenantId, request.importId, row);

    const counts = await importFile(importDependencies(store, { batchSize: 4 }), request);

    expect(counts).toEqual({ imported: 4, duplicates: 4, rejected: 2 });
    const stream = await CustomerImportStream.load(store, tenantId, request.importId);
    expect(stream.events.map((event) => event.type)).toEqual([
      'CustomerImportStarted', 'CustomerImportBatchProcessed', 'CustomerImportBatchProcessed', 'CustomerImportBatchProcessed', 'CustomerImportCompleted',
    ]);
    expect(stream.batches.map(({ firstRow, lastRow }) => [firstRow, lastRow])).toEqual([[1, 4], [5, 8], [9, 10]]);
    expect(reportRowsOf(stream.batches)).toEqual([
      { row: 1, outcome: 'imported', customerId: customer(1) },
      { row: 2, outcome: 'duplicate', duplicateOf: { customerId: 'cust-existing-globex' }, reason: 'phone' },
      { row: 3, outcome: 'duplicate', duplicateOf: { row: 1, customerId: customer(1) }, reason: 'email' },
      { row: 4, outcome: 'rejected', errors: [{ field: 'name', message: 'is required' }, { field: 'emails', message: expect.stringContaining('"nope"') }] },
      { row: 5, outcome: 'duplicate', duplicateOf: { row: 2, customerId: 'cust-existing-globex' }, reason: 'phone' },
      { row: 6, outcome: 'imported', customerId: customer(6) },
      { row: 7, outcome: 'rejected', errors: [{ field: 'ownerId', message: 'is required' }] },
      { row: 8, outcome: 'duplicate', duplicateOf: { row: 6, customerId: customer(6) }, reason: 'email' },
      // Only a similar name (a likely duplicate) does not hold a row back: it is imported, naming the look-alike for review.
      { row: 9, outcome: 'imported', customerId: customer(9), possibleDuplicates: ['cust-existing-globex'] },
      { row: 10, outcome: 'imported', customerId: customer(10) },
    ]);
    const registered = await store.readStream(`customer-${customer(6)}`);
    expect(registered.map((event) => [event.type, event.data])).toEqual([
      ['CustomerRegistered', expect.objectContaining({ name: 'Hooli, Inc.', kind: 'company', sourceChannel: 'import', emails: ['jdoe@gmail.com'] })],
    ]);
    expect(registered[0].metadata).toMatchObject({ tenantId, actorId: 'clerk-ada' });
  });

  it('matches the report a generated file was built to produce', async () => {
    const store = new MemoryEventStore();
    const generated = generateCustomerImportCsv({ seed: 11, rows: 1_000, rejected: 45, inFileDuplicates: 30, existingDuplicates: 20, similarNames: 10 });
    await registerExistingCustomers(store, tenantId, generated.existingCustomers);
    const request = importRequest(generated.csv);

    const counts = await importFile(importDependencies(store, { batchSize: 100 }), request);

    expect(counts).toEqual(generated.counts);
    expect(counts).toEqual({ imported: 905, duplicates: 50, rejected: 45 });
    const stream = await CustomerImportStream.load(store, tenantId, request.importId);
    expect(comparableRows(reportRowsOf(stream.batches))).toEqual(expectedReportRows(generated, (row) => importedCustomerIdOf(tenantId, request.importId, row)));
  });

  it('appends nothing when the same file is imported again', async () => {
    const store = new MemoryEventStore();
    await registerExistingCustomers(store, tenantId, [existingGlobex]);
    const deps = importDependencies(store, { batchSize: 4 });
    const first = await importFile(deps, importRequest(smallFile));
    const head = await store.headPosition();

    const second = await importFile(deps, importRequest(smallFile));

    expect(second).toEqual(first);
    expect(await store.headPosition()).toBe(head);
  });

  it('derives the job id from the tenant and the file bytes', () => {
    const request = importRequest(smallFile);
    expect(request.importId).toBe(customerImportIdOf(tenantId, request.fileSha256));
    expect(importRequest(`${smallFile}\r\n`).importId).not.toBe(request.importId);
    expect(customerImportIdOf('globex', request.fileSha256)).not.toBe(request.importId);
    // Phones read under another default country code are another reading of the file: another job.
    expect(customerImportIdOf(tenantId, request.fileSha256, '+44')).not.toBe(request.importId);
  });

  it('retries a directory lookup that failed for a moment', async () => {
    const store = new MemoryEventStore();
    const directory = new EventStoreCustomerDirectory(store);
    let failures = 1;
    const flaky = {
      duplicateCandidates: (...args: Parameters<EventStoreCustomerDirectory['duplicateCandidates']>) =>
        failures-- > 0 ? Promise.reject(new Error('read side restarting')) : directory.duplicateCandidates(...args),
      caughtUpWith: directory.caughtUpWith,
    };
    const counts = await importFile(importDependencies(store, { batchSize: 4, directory: flaky }), importRequest(smallFile));
    expect(counts.imported + counts.duplicates + counts.rejected).toBe(readImportCsv(Buffer.from(smallFile)).rows.length);
  });

  it('logs progress with rows, rate and ETA, and one summary line', async () => {
    const store = new MemoryEventStore();
    const lines: string[] = [];
    const request = importRequest(smallFile, 'leads.csv');
    await importFile(importDependencies(store, { batchSize: 4, log: (line) => lines.push(line), progressIntervalMs: 0 }), request);

    expect(lines.length).toBeGreaterThan(2);
    expect(lines[0]).toMatch(new RegExp(`^customer import ${request.importId} \\(leads.csv\\): \\d+ / 10 rows \\(\\d+%\\) · [\\d,]+ rows/s`));
    expect(lines.some((line) => /10 \/ 10 rows \(100%\)/.test(line))).toBe(true);
    expect(lines[lines.length - 1]).toMatch(/completed 10 rows in [\d.]+ s \([\d,]+ rows\/s\): 5 imported, 3 duplicates, 2 rejected$/);
  });
});
