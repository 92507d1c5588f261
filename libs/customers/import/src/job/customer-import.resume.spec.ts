import type { EventStore } from '@meridian/platform/eventsourcing';
import { MemoryEventStore, categoryOf, withAppend } from '@meridian/platform/eventsourcing';
import { generateCustomerImportCsv } from '../testing/customer-import-csv.generator';
import { importDependencies, importFile, importRequest, tenantId } from '../testing/customer-import.harness';
import { comparableRows, expectedReportRows, registerExistingCustomers } from '../testing/import-report.expectations';
import { importedCustomerIdOf } from './customer-import.ids';
import { reportRowsOf } from './customer-import.report';
import { CustomerImportStream } from './customer-import.stream';

/** The process "dies" at the n-th append to streams of a category: that append and every later one there fail. */
const dyingStore = (inner: EventStore, dieAt: number, category = 'customer'): EventStore => {
  let appends = 0;
  return withAppend(inner, async (streamId, events, expected) => {
    if (categoryOf(streamId) === category && ++appends >= dieAt) throw new Error('process died');
    return inner.appendToStream(streamId, events, expected);
  });
};

const generated = generateCustomerImportCsv({ seed: 5, rows: 200, rejected: 12, inFileDuplicates: 10, existingDuplicates: 8, similarNames: 4 });
const batchSize = 50;

const setUp = async () => {
  const store = new MemoryEventStore();
  await registerExistingCustomers(store, tenantId, generated.existingCustomers);
  const request = importRequest(generated.csv);
  return { store, request, customer: (row: number) => importedCustomerIdOf(tenantId, request.importId, row) };
};

const customerStreamsOf = async (store: EventStore): Promise<Map<string, number>> => {
  const events = await store.readAll({ after: 0, maxCount: 100_000 });
  const counts = new Map<string, number>();
  for (const event of events) if (categoryOf(event.streamId) === 'customer') counts.set(event.streamId, (counts.get(event.streamId) ?? 0) + 1);
  return counts;
};

describe('a customer import that crashed mid-batch', () => {
  it('resumes after the last recorded batch and ends with the report of an uninterrupted run', async () => {
    const { store, request, customer } = await setUp();
    // Batch 1 registers about 45 customers; the process dies 20 registrations into batch 2.
    await expect(importFile(importDependencies(dyingStore(store, 65), { batchSize }), request)).rejects.toThrow('process died');
    const crashed = await CustomerImportStream.load(store, tenantId, request.importId);
    expect(crashed.state).toMatchObject({ status: 'started', nextRow: 51 });

    const counts = await importFile(importDependencies(store, { batchSize }), request);

    expect(counts).toEqual(generated.counts);
    const stream = await CustomerImportStream.load(store, tenantId, request.importId);
    expect(stream.batches.map(({ firstRow }) => firstRow)).toEqual([1, 51, 101, 151]);
    expect(comparableRows(reportRowsOf(stream.batches))).toEqual(expectedReportRows(generated, customer));
    // Every imported row has exactly one registration, the ones of the crashed batch included.
    const streams = await customerStreamsOf(store);
    expect(streams.size).toBe(generated.existingCustomers.length + counts.imported);
    expect([...streams.values()].every((count) => count === 1)).toBe(true);
  });

  it('keeps a row registered before the crash imported, even if the directory now shows a customer with its email', async () => {
    const { store, request, customer } = await setUp();
    await expect(importFile(importDependencies(dyingStore(store, 65), { batchSize }), request)).rejects.toThrow('process died');
    const streams = await customerStreamsOf(store);
    const registeredRow = generated.expected.find((entry) => entry.row > 50 && streams.has(`customer-${customer(entry.row)}`))?.row as number;
    const [registration] = await store.readStream(`customer-${customer(registeredRow)}`);
    const { emails } = registration.data as { emails: string[] };
    // Someone registers a twin by hand before the job is resumed.
    await registerExistingCustomers(store, tenantId, [
      { customerId: 'cust-twin', kind: 'company', name: 'Twin', region: 'EU', sourceChannel: 'web', ownerId: 'rep-x', emails, phones: [] },
    ]);

    await importFile(importDependencies(store, { batchSize }), request);

    const report = reportRowsOf((await CustomerImportStream.load(store, tenantId, request.importId)).batches);
    expect(report.find((entry) => entry.row === registeredRow)).toEqual({ row: registeredRow, outcome: 'imported', customerId: customer(registeredRow) });
  });

  it('re-runs a batch whose customers were all registered but whose event was not appended, registering no one twice', async () => {
    const { store, request, customer } = await setUp();
    // Appends to the job's stream: 1 start, 2 the first batch, 3 the second batch (dies).
    await expect(importFile(importDependencies(dyingStore(store, 3, 'customer_import'), { batchSize }), request)).rejects.toThrow('process died');
    const before = await customerStreamsOf(store);
    const importedInBatch2 = generated.expected.filter((entry) => entry.row > 50 && entry.row <= 100 && entry.outcome === 'imported');
    expect(importedInBatch2.every((entry) => before.has(`customer-${customer(entry.row)}`))).toBe(true);

    const counts = await importFile(importDependencies(store, { batchSize }), request);

    expect(counts).toEqual(generated.counts);
    const after = await customerStreamsOf(store);
    expect(after.size).toBe(generated.existingCustomers.length + counts.imported);
    expect([...after.values()].every((count) => count === 1)).toBe(true);
  });
});
