import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestHost } from '@meridian/platform/testing';
import { pollUntil, startTestHost } from '@meridian/platform/testing';
import { standaloneHost } from './standalone.host';
import { tenantA } from './testing/opportunity-fixtures';

let host: TestHost;

beforeAll(async () => {
  host = await startTestHost(standaloneHost, 'memory:');
});

afterAll(() => host.close());

type ImportView = Readonly<{
  importId: string; status: string; imported: number; duplicates: number; rejected: number;
  rows: Array<{ row: number; outcome: string; reason?: string; duplicateOf?: { customerId?: string; row?: number }; possibleDuplicates?: string[] }>;
}>;

const csv = [
  'name,kind,region,ownerId,emails,phones',
  'Northwind Traders,company,emea,rep-ada,orders@NORTHWIND.example,',
  'Contoso Ltd,company,emea,rep-ada,hello@contoso.example,+44 20 7946 0018',
  'Contoso (second office),company,emea,rep-ada,,020 7946 0018',
  ',company,emea,rep-ada,nobody@example.org,',
  'Northwind Trading,company,emea,rep-ada,info@northwind-trading.example,',
].join('\r\n');

const upload = () =>
  host.request('POST', '/api/v1/customers/imports?fileName=leads.csv&defaultCountryCode=%2B44', {
    headers: { ...tenantA, 'content-type': 'text/csv' }, rawBody: csv,
  });

describe('standalone: CSV import against the real customer directory', () => {
  it('finds a customer registered just before the upload, dedupes within the file, reports each row, flags look-alike names, and changes nothing on a re-run', async () => {
    const registered = await host.request('POST', '/api/v1/customers', {
      headers: tenantA, body: { kind: 'company', name: 'Northwind Traders', region: 'emea', ownerId: 'rep-ada', sourceChannel: 'web', emails: ['orders@northwind.example'] },
    });
    expect(registered.status).toBe(201);

    const started = await upload();
    expect(started.status).toBe(202);
    const { importId } = started.body as ImportView;
    const done = await pollUntil(async () => (await host.request('GET', `/api/v1/customers/imports/${importId}`, { headers: tenantA })).body as ImportView, {
      until: (view) => view.status === 'completed', timeoutMs: 3 * 60_000, description: 'the import to complete',
    });
    // Row 1 duplicates the customer registered a moment ago (the import waited for the directory), row 3 row 2's phone.
    expect({ imported: done.imported, duplicates: done.duplicates, rejected: done.rejected }).toEqual({ imported: 2, duplicates: 2, rejected: 1 });
    expect(done.rows.map((r) => [r.row, r.outcome])).toEqual([[1, 'duplicate'], [2, 'imported'], [3, 'duplicate'], [4, 'rejected'], [5, 'imported']]);
    const existingId = (registered.body as { customerId: string }).customerId;
    expect(done.rows[0]).toMatchObject({ reason: 'email', duplicateOf: { customerId: existingId } });
    expect(done.rows[2]).toMatchObject({ reason: 'phone', duplicateOf: { row: 2 } });
    // Only a similar name: imported, with the look-alike named for a person to review.
    expect(done.rows[4]).toMatchObject({ possibleDuplicates: [existingId] });
    expect(done.rows[1].possibleDuplicates).toBeUndefined();

    const head = await host.store.headPosition();
    const again = await upload();
    expect({ status: again.status, importId: (again.body as ImportView).importId }).toEqual({ status: 200, importId });
    expect(await host.store.headPosition()).toBe(head);
  });
});

/** The sample leads.csv of the README, exactly as shown there (between its markers). */
const readmeImportSample = (): string => {
  const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
  const block = /<!-- readme-import-sample:start -->\n```csv\n([\s\S]*?)```\n<!-- readme-import-sample:end -->/.exec(readme);
  if (block === null) throw new Error('README.md has no csv block between the readme-import-sample markers');
  return block[1]!;
};

describe("standalone: the README's sample import file", () => {
  const readmeTenant = { 'x-tenant-id': 'readme', 'x-user-id': 'rep-ada' };
  type Customer = Readonly<{ kind: string; sourceChannel: string; ownerId: string; profile: Readonly<{ name: string; region: string; industry?: string; size?: string; emails: string[]; phones: string[] }> }>;

  it('is accepted as the README uploads it: every row imported, with the values the README shows', async () => {
    const sample = readmeImportSample();
    expect(sample.split('\n').filter((line) => line !== '')).toHaveLength(4);
    const started = await host.request('POST', '/api/v1/customers/imports?fileName=leads.csv', {
      headers: { ...readmeTenant, 'content-type': 'text/csv' }, rawBody: sample,
    });
    expect(started.status).toBe(202);
    const { importId } = started.body as ImportView;
    const done = await pollUntil(async () => (await host.request('GET', `/api/v1/customers/imports/${importId}`, { headers: readmeTenant })).body as ImportView, {
      until: (view) => view.status === 'completed', timeoutMs: 3 * 60_000, description: 'the README sample import to complete',
    });
    expect({ imported: done.imported, duplicates: done.duplicates, rejected: done.rejected }).toEqual({ imported: 3, duplicates: 0, rejected: 0 });
    expect(done.rows.map((r) => [r.row, r.outcome, r.possibleDuplicates])).toEqual([[1, 'imported', undefined], [2, 'imported', undefined], [3, 'imported', undefined]]);

    const customers = await Promise.all(done.rows.map(async (row) => {
      const answer = await host.request('GET', `/api/v1/customers/${(row as { customerId?: string }).customerId}`, { headers: readmeTenant });
      expect(answer.status).toBe(200);
      return answer.body as Customer;
    }));
    expect(customers.map(({ kind, sourceChannel, ownerId, profile: { name, region, industry, size, emails } }) => ({ kind, sourceChannel, ownerId, name, region, industry, size, emails }))).toEqual([
      { kind: 'company', sourceChannel: 'fair', ownerId: 'rep-ada', name: 'Fabrikam Robotics', region: 'emea', industry: 'Industrial Machinery', size: '51-200', emails: ['sales@fabrikam.example', 'info@fabrikam.example'] },
      { kind: 'company', sourceChannel: 'webinar', ownerId: 'rep-bo', name: 'Tailspin Toys, Inc.', region: 'amer', industry: 'Retail', size: '11-50', emails: ['hello@tailspin.example'] },
      { kind: 'person', sourceChannel: 'referral', ownerId: 'rep-bo', name: 'Grace Hopper', region: 'amer', industry: undefined, size: undefined, emails: ['grace@hopper.example'] },
    ]);
    expect(customers.map((customer) => customer.profile.phones.length)).toEqual([1, 1, 0]);
  });
});
