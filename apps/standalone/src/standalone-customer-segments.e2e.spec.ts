import type { TestHost } from '@meridian/platform/testing';
import { pollUntil, startTestHost } from '@meridian/platform/testing';
import { standaloneHost } from './standalone.host';
import { tenantA } from './testing/opportunity-fixtures';

let host: TestHost;

beforeAll(async () => {
  host = await startTestHost(standaloneHost, 'memory:');
});

afterAll(() => host.close());

const post = async (path: string, body: unknown = {}) => {
  const response = await host.request('POST', path, { headers: tenantA, body });
  if (response.status >= 300) throw new Error(`${path}: ${response.status} ${response.text}`);
  return response.body as Record<string, unknown>;
};

describe('standalone: an order payment moves the customer value segment (in-process process manager)', () => {
  it('judges the customer C after one large payment, without anyone asking', async () => {
    const { customerId } = await post('/api/v1/customers', {
      kind: 'company', name: 'Northwind Traders', region: 'emea', ownerId: 'rep-ada', sourceChannel: 'web', emails: ['buy@northwind.example'],
    });
    const { orderId } = await post('/api/v1/orders', {
      customerId, currency: 'EUR', lines: [{ productId: 'crm-suite', description: 'CRM suite, 50 seats', quantity: 1, unitPrice: { amount: 2500, currency: 'EUR' } }],
    });
    await post(`/api/v1/orders/${String(orderId)}/confirmation`);
    await post(`/api/v1/orders/${String(orderId)}/payments`, { amount: { amount: 2500, currency: 'EUR' }, method: 'transfer' });

    const customer = await pollUntil(
      async () => (await host.request('GET', `/api/v1/customers/${String(customerId)}`, { headers: tenantA })).body as { valueSegment: { segment: string | null } },
      { until: (found) => found.valueSegment.segment !== null, timeoutMs: 3 * 60_000, description: 'a segment on the customer' },
    );
    // One purchase of 2,500 EUR under the default policy (high value from 1,000 EUR, high frequency from 4): C.
    expect(customer.valueSegment).toMatchObject({
      segment: 'C', purchaseCount: 1, averageOrderValue: { amount: 2500, currency: 'EUR' },
      orders: [{ orderId, netValue: { amount: 2500, currency: 'EUR' } }],
    });
  });
});

describe("standalone: a segment's customers paged by cursor", () => {
  // A tenant of its own, every customer new and so in A. By folded name: Birch, Cedar, Elm, Oak, Willow; Ash is registered mid-way and sorts first.
  const tenant = { 'x-tenant-id': 'segment-cursor-e2e', 'x-user-id': 'rep-ada' };
  type Page = Readonly<{ items: { customerId: string; segment: string }[]; offset: number; hasMore: boolean; nextCursor: string | null }>;
  const names: Record<string, string> = {};
  let last = 0;
  const register = async (name: string) => {
    const response = await host.request('POST', '/api/v1/customers', {
      headers: tenant, body: { kind: 'company', name: `${name} Timber`, region: 'emea', ownerId: 'rep-ada', sourceChannel: 'web', emails: [`sales@${name.toLowerCase()}.example`] },
    });
    if (response.status !== 201) throw new Error(`register ${name}: ${response.status} ${response.text}`);
    const { customerId, position } = response.body as { customerId: string; position: number };
    names[customerId] = name;
    last = Math.max(last, position);
  };
  const get = (segment: string, query: string) =>
    host.request('GET', `/api/v1/customers/segments/${segment}/customers?${query}`, { headers: { ...tenant, 'x-min-position': String(last) } });
  const page = async (query: string) => {
    const response = await get('A', query);
    if (response.status !== 200) throw new Error(`segment A ${query}: ${response.status} ${response.text}`);
    const body = response.body as Page;
    return { ...body, labels: body.items.map((item) => names[item.customerId] ?? item.customerId) };
  };
  const refusalOf = async (segment: string, query: string) => {
    const response = await get(segment, query);
    expect(response.status).toBe(400);
    return (response.body as { errors: { field: string; messages: string[] }[] }).errors;
  };

  beforeAll(async () => {
    for (const name of ['Oak', 'Birch', 'Willow', 'Cedar', 'Elm']) await register(name);
  });

  it('pages through the members by nextCursor: a member registered meanwhile that sorts before the page skips or repeats none', async () => {
    const first = await page('limit=2');
    expect([first.labels, first.hasMore, first.offset]).toEqual([['Birch', 'Cedar'], true, 0]);

    await register('Ash');
    expect((await page('limit=2&offset=2')).labels).toEqual(['Cedar', 'Elm']);

    const second = await page(`limit=2&cursor=${first.nextCursor}`);
    expect([second.labels, second.hasMore]).toEqual([['Elm', 'Oak'], true]);
    const third = await page(`limit=2&cursor=${second.nextCursor}`);
    expect([third.labels, third.hasMore, third.nextCursor]).toEqual([['Willow'], false, null]);
    expect([...first.labels, ...second.labels, ...third.labels]).toEqual(['Birch', 'Cedar', 'Elm', 'Oak', 'Willow']);
    expect((await page('limit=10')).labels).toEqual(['Ash', 'Birch', 'Cedar', 'Elm', 'Oak', 'Willow']);
  });

  it('answers 400 query:cursor for a cursor with offset, or one made for another segment or the unfiltered list', async () => {
    const { nextCursor } = await page('limit=2');
    const problem = (text: string) => [{ field: 'query:cursor', messages: [expect.stringContaining(text)] }];
    expect(await refusalOf('A', `offset=0&cursor=${nextCursor}`)).toEqual(problem('cannot be combined with offset'));
    expect(await refusalOf('B', `cursor=${nextCursor}`)).toEqual(problem('was made for other filters'));
    const listCursor = ((await host.request('GET', `/api/v1/customers?limit=2`, { headers: { ...tenant, 'x-min-position': String(last) } })).body as Page).nextCursor;
    expect(await refusalOf('A', `cursor=${listCursor}`)).toEqual(problem('was made for other filters'));
  });
});
