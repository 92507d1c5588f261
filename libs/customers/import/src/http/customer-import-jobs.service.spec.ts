import { Logger } from '@nestjs/common';
import { CommandHandler, MemoryEventStore } from '@meridian/platform/eventsourcing';
import { ReadModelBehind } from '@meridian/platform/nest';
import { pollUntil } from '@meridian/platform/testing';
import { CustomerImportStream } from '../job/customer-import.stream';
import type { CustomerDirectory } from '../job/customer-directory';
import { generateCustomerImportCsv } from '../testing/customer-import-csv.generator';
import { holdableDirectory } from '../testing/customer-import-test-host';
import { importContext, tenantId } from '../testing/customer-import.harness';
import { EventStoreCustomerDirectory } from '../testing/event-store-customer-directory';
import { CustomerDirectoryUnavailable, CustomerImportJobs } from './customer-import-jobs.service';

const clock = { now: () => new Date('2026-03-05T08:00:00.000Z') };
const file = Buffer.from(generateCustomerImportCsv({ seed: 3, rows: 600, rejected: 30, inFileDuplicates: 20, existingDuplicates: 0 }).csv);
const upload = { bytes: file, fileName: 'leads.csv', context: importContext };

const jobsOn = (store: MemoryEventStore, directory?: CustomerDirectory) => new CustomerImportJobs(store, new CommandHandler(store), clock, directory);
const finished = (jobs: CustomerImportJobs, importId: string) =>
  pollUntil(() => !jobs.local(importId).runningHere, { timeoutMs: 10_000, description: `import ${importId} to stop running` });
const stateOf = async (store: MemoryEventStore, importId: string) => (await CustomerImportStream.load(store, tenantId, importId)).state;

describe('CustomerImportJobs', () => {
  // Progress and failure lines are the runner's business (its spec checks them); keep this output quiet.
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));

  it('waits until the directory holds every customer registered before the upload, and imports nothing while it lags', async () => {
    const store = new MemoryEventStore();
    const current = new EventStoreCustomerDirectory(store);
    await store.appendToStream('customer-earlier', [{ eventId: '6f1c2a4e-0b7d-4c1e-9a55-3d2f8e4b7a10', type: 'Noted', data: {}, metadata: { ...importContext, schemaVersion: 1, occurredAt: clock.now().toISOString() } }], 'no_stream');
    const awaited: number[] = [];
    const lagging: CustomerDirectory = {
      duplicateCandidates: current.duplicateCandidates,
      caughtUpWith: async (position) => {
        awaited.push(position);
        throw new ReadModelBehind('customer-list', position, 5_000);
      },
    };
    await expect(jobsOn(store, lagging).submit(upload)).rejects.toBeInstanceOf(ReadModelBehind);
    expect(awaited).toEqual([1]);
    expect(await store.headPosition()).toBe(1);
  });

  it('starts a job, reports it running while it runs, and returns the completed job without appending', async () => {
    const store = new MemoryEventStore();
    const directory = holdableDirectory(new EventStoreCustomerDirectory(store));
    const jobs = jobsOn(store, directory);
    directory.hold();

    const first = await jobs.submit(upload);
    const second = await jobs.submit(upload);
    expect([first.outcome, second.outcome]).toEqual(['started', 'running']);
    expect(jobs.local(first.importId)).toEqual({ runningHere: true });
    directory.release();
    await finished(jobs, first.importId);
    expect(await stateOf(store, first.importId)).toMatchObject({ status: 'completed', rowCount: 600, rejected: 30, duplicates: 20 });

    const head = await store.headPosition();
    expect(await jobs.submit(upload)).toEqual({ importId: first.importId, outcome: 'completed' });
    expect(await store.headPosition()).toBe(head);
  });

  it('refuses to import without a directory, appending nothing, but still returns a completed job', async () => {
    const store = new MemoryEventStore();
    await expect(jobsOn(store).submit(upload)).rejects.toBeInstanceOf(CustomerDirectoryUnavailable);
    expect(await store.headPosition()).toBe(0);

    const withDirectory = jobsOn(store, new EventStoreCustomerDirectory(store));
    const { importId } = await withDirectory.submit(upload);
    await finished(withDirectory, importId);
    expect(await jobsOn(store).submit(upload)).toEqual({ importId, outcome: 'completed' });
  });

  it('remembers why a run failed, and resumes the job when the file comes again', async () => {
    const store = new MemoryEventStore();
    const working = new EventStoreCustomerDirectory(store);
    let down = true;
    const jobs = jobsOn(store, {
      duplicateCandidates: (tenant, probe) => (down ? Promise.reject(new Error('read side down')) : working.duplicateCandidates(tenant, probe)),
      caughtUpWith: working.caughtUpWith,
    });
    const { importId } = await jobs.submit(upload);
    await finished(jobs, importId);
    expect(jobs.local(importId)).toEqual({ runningHere: false, failure: 'read side down' });
    expect(await stateOf(store, importId)).toMatchObject({ status: 'started', nextRow: 1 });

    down = false;
    expect((await jobs.submit(upload)).outcome).toBe('resumed');
    await finished(jobs, importId);
    expect(jobs.local(importId)).toEqual({ runningHere: false });
    expect(await stateOf(store, importId)).toMatchObject({ status: 'completed' });
  });

  it('stops a running job at the next batch boundary on shutdown; another process resumes it from there', async () => {
    const store = new MemoryEventStore();
    const directory = holdableDirectory(new EventStoreCustomerDirectory(store));
    const jobs = jobsOn(store, directory);
    directory.hold();
    const { importId } = await jobs.submit(upload);
    // The job validates the whole file before its first batch: shut down only once that batch is under way.
    await pollUntil(() => directory.waiting() > 0, { timeoutMs: 10_000, description: 'the first batch to look rows up' });

    const shutdown = jobs.beforeApplicationShutdown();
    directory.release();
    await shutdown;
    expect(await stateOf(store, importId)).toMatchObject({ status: 'started', nextRow: 251 });

    const nextProcess = jobsOn(store, new EventStoreCustomerDirectory(store));
    expect((await nextProcess.submit(upload)).outcome).toBe('resumed');
    await finished(nextProcess, importId);
    expect(await stateOf(store, importId)).toMatchObject({ status: 'completed', rejected: 30, duplicates: 20 });
  });
});
