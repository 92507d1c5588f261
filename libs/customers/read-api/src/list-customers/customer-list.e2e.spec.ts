import type { TestHost } from '@meridian/platform/testing';
import { pollUntil, startTestHost } from '@meridian/platform/testing';
import { command, customerBody, fieldsOf, registerCustomer, tenantA, tenantB, withPosition } from '../testing/customer-read-fixtures';
import { customerReadInProcessHost } from '../testing/customer-read.test-host';

type Page = { items: { customerId: string; name: string; status: string }[]; limit: number; offset: number; hasMore: boolean };

let host: TestHost;
const ids: Record<string, string> = {};
/** Global position of the latest write: every read below passes it, so no read needs to poll. */
let last = 0;

const register = async (name: string, overrides: Record<string, unknown> = {}) => {
  const registered = await registerCustomer(host, customerBody(name, overrides));
  ids[name] = registered.customerId;
  last = registered.position;
};

const run = async (method: string, path: string, body?: unknown) => {
  last = await command(host, method, path, body);
};

const page = async (query: string, headers: Record<string, string> = tenantA): Promise<Page> => {
  const response = await host.request('GET', `/api/v1/customers${query}`, { headers: withPosition(last, headers) });
  expect(response.status).toBe(200);
  return response.body as Page;
};

const names = async (query: string, headers: Record<string, string> = tenantA): Promise<string[]> => (await page(query, headers)).items.map((item) => item.name);

beforeAll(async () => {
  host = await startTestHost(customerReadInProcessHost, 'memory:', { READ_WAIT_MAX_MS: '2000' });
  await register('Blue Sky Analytics', { emails: ['Ann.Lee@bluesky.example'], phones: ['+44 20 7946 0958'], region: 'uk' });
  await register('Contoso Pharma', { industry: 'pharma', ownerId: 'rep-bo' });
  await register('Fabrikam', { kind: 'person', industry: undefined, region: 'apac' });
  await register('Müller Maschinenbau', { industry: 'manufacturing', region: 'dach' });
  await run('PUT', `/api/v1/customers/${ids['Blue Sky Analytics']}/tags/VIP`);
  await run('PUT', `/api/v1/customers/${ids['Müller Maschinenbau']}/tags/vip`);
  await run('PUT', `/api/v1/customers/${ids['Contoso Pharma']}/groups`, { groups: ['key-accounts'] });
  await run('PUT', `/api/v1/customers/${ids.Fabrikam}/intent`, { level: 'warm', reason: 'asked for pricing' });
  await registerCustomer(host, customerBody('Globex'), tenantB);
  await register('Contoso Labs', { industry: 'pharma' });
});

afterAll(() => host?.close());

describe('customer list (in-process read side)', () => {
  it("lists the tenant's active customers by folded name, reading its own writes (header or parameter)", async () => {
    expect(await names('')).toEqual(['Blue Sky Analytics', 'Contoso Labs', 'Contoso Pharma', 'Fabrikam', 'Müller Maschinenbau']);
    const byParameter = await host.request('GET', `/api/v1/customers?minPosition=${last}&sortBy=registeredAt&direction=desc`, { headers: tenantA });
    expect((byParameter.body as Page).items[0].name).toBe('Contoso Labs');
    expect(await names('', tenantB)).toEqual(['Globex']);
  });

  it.each([
    ['?tag=VIP', ['Blue Sky Analytics', 'Müller Maschinenbau']],
    ['?group=key-accounts', ['Contoso Pharma']],
    ['?region=dach', ['Müller Maschinenbau']],
    ['?industry=pharma', ['Contoso Labs', 'Contoso Pharma']],
    ['?intent=warm', ['Fabrikam']],
    ['?ownerId=rep-bo', ['Contoso Pharma']],
    ['?segment=A&industry=pharma&ownerId=rep-ana', ['Contoso Labs']],
    ['?segment=E', []],
  ])('filters with %s', async (query, expected) => {
    expect(await names(query)).toEqual(expected);
  });

  it.each([
    ['a word of the name', 'sky', ['Blue Sky Analytics']],
    ['accents folded', 'muller', ['Müller Maschinenbau']],
    ['a name prefix', 'Conto', ['Contoso Labs', 'Contoso Pharma']],
    ['an email', 'ann.lee@bluesky.example', ['Blue Sky Analytics']],
    ['an email domain', 'bluesky', ['Blue Sky Analytics']],
    ['a phone as typed', '+44 20 7946', ['Blue Sky Analytics']],
    ['phone digits', '4420794', ['Blue Sky Analytics']],
  ])('searches by %s', async (_what, search, expected) => {
    expect(await names(`?search=${encodeURIComponent(search)}`)).toEqual(expected);
  });

  it('pages with limit and offset, saying whether more follow', async () => {
    expect(await page('?limit=2')).toMatchObject({ limit: 2, offset: 0, hasMore: true, items: [{ name: 'Blue Sky Analytics' }, { name: 'Contoso Labs' }] });
    expect(await page('?limit=2&offset=4')).toMatchObject({ hasMore: false, items: [{ name: 'Müller Maschinenbau' }] });
  });

  it('leaves merged-away customers out unless includeMerged=true', async () => {
    await run('POST', `/api/v1/customers/${ids['Contoso Pharma']}/merges`, { mergedCustomerId: ids['Contoso Labs'] });
    expect(await names('?industry=pharma')).toEqual(['Contoso Pharma']);
    const merged = await page('?industry=pharma&includeMerged=true');
    expect(merged.items.map((item) => [item.name, item.status])).toEqual([['Contoso Labs', 'merged'], ['Contoso Pharma', 'active']]);
  });

  it('refuses unknown, repeated and malformed parameters with one 400 naming each', async () => {
    const response = await host.request('GET', '/api/v1/customers?owner=rep-bo&segment=F&intent=hot&intent=cold&limit=500&search=%20-%20', { headers: tenantA });
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body).sort()).toEqual(['query:intent', 'query:limit', 'query:owner', 'query:search', 'query:segment']);
    const conflicting = await host.request('GET', '/api/v1/customers?minPosition=3', { headers: withPosition(4) });
    expect(fieldsOf(conflicting.body)).toEqual(['query:minPosition']);
    const tenantless = await host.request('GET', '/api/v1/customers');
    expect([tenantless.status, fieldsOf(tenantless.body)]).toEqual([401, ['header:X-Tenant-Id']]);
  });

  it('serves as the customer directory: registration lists look-alikes from the read side', async () => {
    const listed = await registerCustomer(host, customerBody('Northwind Traders', { emails: ['orders@northwind.example'] }));
    await pollUntil(() => names(`?search=northwind`), { timeoutMs: 10_000, until: (found) => found.length === 1, description: 'Northwind listed' });
    const twin = await host.request('POST', '/api/v1/customers', {
      headers: tenantA, body: customerBody('Northwind Trading', { emails: ['Orders@Northwind.example'] }),
    });
    expect(twin.status).toBe(201);
    expect(twin.body).toMatchObject({
      duplicateCheck: 'completed',
      possibleDuplicates: [{ customerId: listed.customerId, name: 'Northwind Traders', strength: 'strong', reasons: expect.arrayContaining(['email']) }],
    });
  });
});
