import type { TestHost } from '@meridian/platform/testing';
import { pollUntil, startTestHost } from '@meridian/platform/testing';
import { generateCustomerImportCsv, registerExistingCustomers } from '@meridian/customers/import/testing';
import { standaloneHost } from './standalone.host';

// The generated file (seeded: the same bytes every run) against the real
// customer directory of standalone mode, not a test double: the duplicates of
// existing customers must be found through the in-process customer list.

let host: TestHost;
const tenant = { 'x-tenant-id': 'volume', 'x-user-id': 'clerk-ada' };

beforeAll(async () => {
  host = await startTestHost(standaloneHost, 'memory:');
});

afterAll(() => host.close());

const importBoundMs = 15 * 60_000;

type ImportView = Readonly<{ importId: string; status: string; imported: number; duplicates: number; rejected: number }>;

describe('standalone: a generated 10,000-row import against the real customer directory', () => {
  it('reports exactly the rows the file was built with, and a re-run appends nothing', async () => {
    const generated = generateCustomerImportCsv({ seed: 2027, rows: 10_000, rejected: 350, inFileDuplicates: 300, existingDuplicates: 200, similarNames: 50 });
    await registerExistingCustomers(host.store, tenant['x-tenant-id'], generated.existingCustomers);
    const upload = () => host.request('POST', '/api/v1/customers/imports?fileName=volume.csv', { headers: { ...tenant, 'content-type': 'text/csv' }, rawBody: generated.csv });

    const started = await upload();
    expect(started.status).toBe(202);
    const { importId } = started.body as ImportView;
    const done = await pollUntil(async () => (await host.request('GET', `/api/v1/customers/imports/${importId}?limit=1`, { headers: tenant })).body as ImportView, {
      // A bound for a stuck import, not a speed check: on two busy cores 10,000 rows can take minutes.
      until: (view) => view.status === 'completed', timeoutMs: importBoundMs, intervalMs: 250, description: 'the import to complete',
    });
    expect({ imported: done.imported, duplicates: done.duplicates, rejected: done.rejected }).toEqual(generated.counts);

    const head = await host.store.headPosition();
    expect((await upload()).status).toBe(200);
    expect(await host.store.headPosition()).toBe(head);
  }, importBoundMs + 5 * 60_000);
});
