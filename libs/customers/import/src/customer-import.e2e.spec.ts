import type { HttpResponse, TestDatabase, TestHost } from '@meridian/platform/testing';
import { createTestDatabase, pollUntil, startTestHost } from '@meridian/platform/testing';
import { customerStreamId } from '@meridian/customers/domain';
import type { CustomerImportView } from './http/customer-import.view';
import { importedCustomerIdOf } from './job/customer-import.ids';
import type { ImportReportRow } from './job/customer-import.report';
import { generateCustomerImportCsv } from './testing/customer-import-csv.generator';
import { holdableDirectory, customerImportTestHost } from './testing/customer-import-test-host';
import { EventStoreCustomerDirectory } from './testing/event-store-customer-directory';
import { comparableRows, expectedReportRows, registerExistingCustomers } from './testing/import-report.expectations';

const tenant = { 'x-tenant-id': 'acme', 'x-user-id': 'clerk-ada' };
const csvHeaders = { ...tenant, 'content-type': 'text/csv; charset=utf-8' };
const imports = '/api/v1/customers/imports';
const logLevel = process.env['E2E_LOG_LEVEL'] ?? 'error';

const upload = (host: TestHost, csv: string, query = '', headers: Record<string, string> = csvHeaders) =>
  host.request('POST', `${imports}${query}`, { rawBody: csv, headers });
const viewOf = (response: HttpResponse) => response.body as CustomerImportView;
const untilCompleted = (host: TestHost, location: string, timeoutMs: number, headers: Record<string, string> = tenant) =>
  pollUntil(() => host.request('GET', `${location}?limit=1`, { headers }), {
    until: (response) => response.status === 200 && viewOf(response).status === 'completed',
    timeoutMs,
    intervalMs: 200,
    description: `import ${location} to complete`,
  });

/** Every row of the report, following nextFromRow. */
const allRows = async (host: TestHost, location: string, limit: number): Promise<ImportReportRow[]> => {
  const rows: ImportReportRow[] = [];
  for (let fromRow: number | undefined = 1; fromRow !== undefined; ) {
    const page = await host.request('GET', `${location}?fromRow=${fromRow}&limit=${limit}`, { headers: tenant });
    expect(page.status).toBe(200);
    rows.push(...(viewOf(page).rows as unknown as ImportReportRow[]));
    fromRow = viewOf(page).nextFromRow;
  }
  return rows;
};

describe('customer imports over HTTP, on PostgreSQL', () => {
  let database: TestDatabase;
  let host: TestHost;
  let directory: ReturnType<typeof holdableDirectory> | undefined;

  beforeAll(async () => {
    database = await createTestDatabase('meridian_customer_import_e2e');
    host = await startTestHost(
      customerImportTestHost((store) => (directory = holdableDirectory(new EventStoreCustomerDirectory(store)))),
      database.url,
      { LOG_LEVEL: logLevel },
    );
  });

  afterAll(async () => {
    await host?.close();
    await database?.drop();
  });

  it('imports a generated 10,000-row file with exactly the expected report, and the same file again changes nothing', async () => {
    const generated = generateCustomerImportCsv({ seed: 2026, rows: 10_000, rejected: 350, inFileDuplicates: 300, existingDuplicates: 200, similarNames: 50 });
    expect(generated.counts).toEqual({ imported: 9_150, duplicates: 500, rejected: 350 });
    await registerExistingCustomers(host.store, 'acme', generated.existingCustomers);
    // Larger than the hosts' 1 MiB body limit: only the import route takes more.
    expect(Buffer.byteLength(generated.csv)).toBeGreaterThan(1_048_576);

    const startedAt = Date.now();
    const accepted = await upload(host, generated.csv, '?fileName=leads-2026.csv&defaultCountryCode=%2B1');
    expect(accepted.status).toBe(202);
    const location = accepted.headers.get('location') as string;
    expect(location).toBe(`${imports}/${viewOf(accepted).importId}`);
    expect(viewOf(accepted)).toMatchObject({ fileName: 'leads-2026.csv', rowCount: 10_000, runningInThisProcess: true });

    const done = viewOf(await untilCompleted(host, location, 150_000));
    const seconds = (Date.now() - startedAt) / 1000;
    process.stdout.write(`10,000-row import: ${seconds.toFixed(1)} s upload to completed (${Math.round(10_000 / seconds)} rows/s)\n`);

    expect(done).toMatchObject({ status: 'completed', processedRows: 10_000, imported: 9_150, duplicates: 500, rejected: 350 });
    const customerOfRow = (row: number) => importedCustomerIdOf('acme', done.importId, row);
    const expected = expectedReportRows(generated, customerOfRow);
    expect(comparableRows(await allRows(host, location, 2_500))).toEqual(expected);
    expect(comparableRows(await allRows(host, location, 10_000))).toEqual(expected);
    const rejected = await host.request('GET', `${location}?outcome=rejected&limit=10000`, { headers: tenant });
    expect(viewOf(rejected).rows).toHaveLength(350);

    const head = await host.store.headPosition();
    const again = await upload(host, generated.csv, '?fileName=another-name.csv');
    expect(again.status).toBe(200);
    expect(viewOf(again)).toMatchObject({ importId: done.importId, status: 'completed', fileName: 'leads-2026.csv', imported: 9_150 });
    expect(await host.store.headPosition()).toBe(head);
  }, 180_000);

  it('answers the same file while it runs here with its running status, and runs it once', async () => {
    // Another tenant: generated files share contact points row by row, so in one tenant they would duplicate the first test's.
    const initech = { 'x-tenant-id': 'initech', 'x-user-id': 'clerk-bo' };
    const generated = generateCustomerImportCsv({ seed: 7, rows: 600, rejected: 20, inFileDuplicates: 10, existingDuplicates: 0 });
    directory?.hold();
    const first = await upload(host, generated.csv, '', { ...initech, 'content-type': 'text/csv' });
    const second = await upload(host, generated.csv, '', { ...initech, 'content-type': 'text/csv' });
    directory?.release();

    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(viewOf(second)).toMatchObject({ importId: viewOf(first).importId, status: 'running', processedRows: 0, runningInThisProcess: true });
    const done = viewOf(await untilCompleted(host, first.headers.get('location') as string, 60_000, initech));
    expect(done).toMatchObject({ imported: generated.counts.imported, duplicates: generated.counts.duplicates, rejected: generated.counts.rejected });
    const stream = await host.store.readStream(`customer_import-${done.importId}`);
    expect(stream.filter((event) => event.type === 'CustomerImportStarted')).toHaveLength(1);
  });

  it('rejects rows POST /api/v1/customers would refuse, naming the column, and registers only the good rows', async () => {
    const umbrella = { 'x-tenant-id': 'umbrella', 'x-user-id': 'clerk-cy' };
    const csv = [
      'name,region,ownerId',
      'Umbrella Pharma,EU,rep-1',
      `${'N'.repeat(5_002)},EU,rep-1`,
      'Bell\u0007 Labs,EU,rep-1',
      'Spaced Owner Ltd,EU,rep 1',
      `Wide Region Ltd,${'r'.repeat(500)},rep-1`,
      'Umbrella Logistics,US,rep-2',
    ].join('\n');
    const accepted = await upload(host, csv, '', { ...umbrella, 'content-type': 'text/csv' });
    expect(accepted.status).toBe(202);
    const location = accepted.headers.get('location') as string;
    await untilCompleted(host, location, 30_000, umbrella);
    const done = viewOf(await host.request('GET', `${location}?limit=100`, { headers: umbrella }));

    expect(done).toMatchObject({ imported: 2, duplicates: 0, rejected: 4 });
    const rows = done.rows as unknown as ImportReportRow[];
    // The fields each rejection names (the messages are the register endpoint's wording).
    expect(rows.map((row) => [row.row, row.outcome, row.outcome === 'rejected' ? row.errors.map((error) => error.field) : undefined])).toEqual([
      [1, 'imported', undefined],
      [2, 'rejected', ['name']],
      [3, 'rejected', ['name']],
      [4, 'rejected', ['ownerId']],
      [5, 'rejected', ['region']],
      [6, 'imported', undefined],
    ]);
    const registered = async (row: number) => (await host.store.readStream(customerStreamId(importedCustomerIdOf('umbrella', done.importId, row)))).length > 0;
    expect(await Promise.all([1, 2, 3, 4, 5, 6].map(registered))).toEqual([true, false, false, false, false, true]);
  });

  it.each([
    ['an empty body', '', 'import-file-empty'],
    ['a header without rows', 'name,region,ownerId\r\n', 'import-file-empty'],
    ['no header row', 'Acme,EU,rep-1\nGlobex,US,rep-2\n', 'import-header-missing'],
    ['unknown columns', 'name,region,ownerId,Notes\nAcme,EU,rep-1,call back\n', 'import-unknown-columns'],
  ])('refuses %s with 400 problem+json, appending nothing', async (_, csv, code) => {
    const head = await host.store.headPosition();
    const response = await upload(host, csv);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 400, code });
    expect(await host.store.headPosition()).toBe(head);
  });

  it('names the unknown columns and refuses a JSON body with 415', async () => {
    const unknown = await upload(host, 'name,region,ownerId,Notes,emial\nAcme,EU,rep-1,x,y\n');
    expect(unknown.body).toMatchObject({ code: 'import-unknown-columns', unknownColumns: ['Notes', 'emial'] });
    const json = await host.request('POST', imports, { body: { name: 'Acme' }, headers: tenant });
    expect(json.status).toBe(415);
    expect(json.body).toMatchObject({ code: 'unsupported-media-type' });
  });

  it('validates the query and the id, and hides other tenants\' jobs', async () => {
    const badQuery = await upload(host, 'name,region,ownerId\nAcme,EU,rep-1\n', '?defaultCountryCode=49&colour=red');
    expect(badQuery.status).toBe(400);
    expect((badQuery.body as { errors: { field: string }[] }).errors.map((error) => error.field)).toEqual(['query:colour', 'query:defaultCountryCode']);
    expect((await host.request('GET', `${imports}/not-a-uuid`, { headers: tenant })).status).toBe(400);
    expect((await host.request('GET', `${imports}/00000000-0000-4000-8000-000000000000`, { headers: tenant })).status).toBe(404);
    const accepted = await upload(host, 'name,region,ownerId\nTenant Probe,EU,rep-1\n');
    const location = accepted.headers.get('location') as string;
    await untilCompleted(host, location, 30_000);
    expect((await host.request('GET', location, { headers: { 'x-tenant-id': 'globex' } })).status).toBe(404);
  });
});

describe('customer imports without a customer directory', () => {
  it('refuses the upload with 503 customer-directory-unavailable and imports nothing', async () => {
    const database = await createTestDatabase('meridian_customer_import_e2e');
    const host = await startTestHost(customerImportTestHost(), database.url, { LOG_LEVEL: logLevel });
    try {
      const response = await upload(host, 'name,region,ownerId\nAcme,EU,rep-1\n');
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ code: 'customer-directory-unavailable' });
      expect(await host.store.headPosition()).toBe(0);
    } finally {
      await host.close();
      await database.drop();
    }
  });
});
