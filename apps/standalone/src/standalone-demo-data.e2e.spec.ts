import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { RecordedEvent } from '@meridian/platform/eventsourcing';
import type { TestHost } from '@meridian/platform/testing';
import { startTestHost } from '@meridian/platform/testing';
import { standaloneHost } from './standalone.host';

// The bench's data generator as a demo loader (`node tools/bench/generate.js
// --url <npm start's URL>`): customers registered through the customers API,
// opportunities opened for those very customers, and a re-run that registers
// no customer twice.

type Dataset = Readonly<{ customers: number; opportunities: number; tenants: readonly string[] }>;
type Directory = Readonly<{ tenants: readonly Readonly<{ id: string; customers: readonly Readonly<{ id: string; name: string }>[] }>[] }>;
type Generate = Readonly<{
  loadDataset: (args: Readonly<{ url: string; customersUrl?: string; options: object; concurrency?: number }>) => Promise<Dataset>;
  registerCustomers: (args: Readonly<{ url: string; directory: Directory; concurrency: number; progress: (line: string) => void }>) => Promise<Map<string, string>>;
}>;
type Generator = Readonly<{ generateDirectory: (options: object) => Directory }>;

// tools/ is plain CommonJS (the bench runs on bare node).
const load = createRequire(__filename);
const { loadDataset, registerCustomers } = load(join(__dirname, '../../../tools/bench/generate.js')) as Generate;
const { generateDirectory } = load(join(__dirname, '../../../tools/bench/generator.js')) as Generator;

const options = { seed: 7, opportunities: 24, tenants: 2 };
let host: TestHost;

beforeAll(async () => {
  host = await startTestHost(standaloneHost, 'memory:');
});

afterAll(() => host.close());

const allEvents = async (): Promise<readonly RecordedEvent[]> => host.store.readAll({ after: 0, maxCount: 100_000 });
const ofType = (events: readonly RecordedEvent[], type: string) => events.filter((event) => event.type === type);

describe('standalone: the data generator registers customers and opens deals for them', () => {
  it('writes the directory’s customers, links every deal to one of them, and a re-run registers none twice', async () => {
    const directory = generateDirectory(options);
    const generated = directory.tenants.flatMap((tenant) => tenant.customers.map((customer) => ({ tenantId: tenant.id, ...customer })));

    const dataset = await loadDataset({ url: host.baseUrl, customersUrl: host.baseUrl, options, concurrency: 4 });

    expect(dataset).toMatchObject({ customers: generated.length, opportunities: options.opportunities });
    const events = await allEvents();
    const registered = ofType(events, 'CustomerRegistered');
    expect(registered).toHaveLength(generated.length);
    const customerIds = new Set(registered.map((event) => event.streamId.replace(/^customer-/, '')));
    const opened = ofType(events, 'OpportunityOpened');
    expect(opened).toHaveLength(options.opportunities);
    for (const event of opened) expect(customerIds).toContain((event.data as { customerId: string }).customerId);

    const sample = generated[0];
    const again = await registerCustomers({ url: host.baseUrl, directory, concurrency: 4, progress: () => undefined });
    const fetched = await host.request('GET', `/api/v1/customers/${again.get(sample.id)}`, { headers: { 'x-tenant-id': sample.tenantId, 'x-user-id': 'demo' } });
    expect(fetched.status).toBe(200);
    expect(fetched.body).toMatchObject({ profile: { name: sample.name } });
    expect(ofType(await allEvents(), 'CustomerRegistered')).toHaveLength(generated.length);
  });
});
