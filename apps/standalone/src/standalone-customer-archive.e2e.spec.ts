import type { TestHost } from '@meridian/platform/testing';
import { pollUntil, startTestHost } from '@meridian/platform/testing';
import { standaloneHost } from './standalone.host';

// One tenant of its own, so the segment distribution counts this spec's customers only.
const tenant = { 'x-tenant-id': 'archive-e2e', 'x-user-id': 'rep-ada' };

type Answer = Readonly<{ status: number; headers: Record<string, unknown>; body: Record<string, unknown> }>;
type ListItem = Readonly<{ customerId: string; archived: boolean; archivedAt: string | null; status: string; segment: string }>;

let host: TestHost;

beforeAll(async () => {
  host = await startTestHost(standaloneHost, 'memory:');
});

afterAll(() => host.close());

const call = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<Answer> => {
  const response = await host.request(method, path, { headers: tenant, ...(body === undefined ? {} : { body }) });
  return { status: response.status, headers: Object.fromEntries(response.headers.entries()), body: (response.body ?? {}) as Record<string, unknown> };
};

/** A command that must succeed: its answer's body. */
const ok = async (method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<Record<string, unknown>> => {
  const answer = await call(method, path, body);
  if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
};

const listed = async (query: string, minPosition: number): Promise<ListItem[]> => {
  const answer = await call('GET', `/api/v1/customers?${query}${query === '' ? '' : '&'}minPosition=${minPosition}`);
  expect(answer.status).toBe(200);
  return answer.body.items as ListItem[];
};
/** The distribution as segment → customers, and their sum. */
const distribution = async (minPosition: number) => {
  const { segments } = (await call('GET', `/api/v1/customers/segments?minPosition=${minPosition}`)).body as { segments: { segment: string; customers: number }[] };
  return {
    segments: Object.fromEntries(segments.map((each) => [each.segment, each.customers])),
    total: segments.reduce((sum, each) => sum + each.customers, 0),
  };
};

describe('standalone: archiving and restoring a customer, and its contacts as a list', () => {
  let fjord: string;
  let nordwind: string;
  let position: number;

  beforeAll(async () => {
    fjord = String((await ok('POST', '/api/v1/customers', {
      kind: 'company', name: 'Fjord Freight AS', region: 'nordics', ownerId: 'rep-ada', sourceChannel: 'referral', emails: ['ops@fjord.example'],
    })).customerId);
    nordwind = String((await ok('POST', '/api/v1/customers', {
      kind: 'company', name: 'Nordwind Traders', region: 'nordics', ownerId: 'rep-ada', sourceChannel: 'web', emails: ['buy@nordwind.example'],
    })).customerId);
    await ok('POST', `/api/v1/customers/${fjord}/contacts`, { contactId: 'ct-ingrid', name: ' Ingrid Berg ', title: 'COO', emails: [' Ingrid@Fjord.example '] });
    await ok('POST', `/api/v1/customers/${fjord}/contacts`, { contactId: 'ct-ola', name: 'Ola Nordmann', phones: ['+47 22 12 34 56'] });
    await ok('POST', `/api/v1/customers/${fjord}/contacts`, { contactId: 'ct-kari', name: 'Kari Lie', emails: ['kari@fjord.example'] });
    await ok('PUT', `/api/v1/customers/${fjord}/contacts/ct-ingrid`, { name: 'Ingrid Berg', title: 'CEO', emails: ['ingrid@fjord.example'], phones: ['+4791234567'] });
    position = Number((await ok('DELETE', `/api/v1/customers/${fjord}/contacts/ct-ola`)).position);
  });

  it('lists the current contacts in the order they were added, revised in place, the removed one gone; paged; 404 for an unknown customer', async () => {
    // Added Ingrid, Ola, Kari; Ingrid revised (title CEO, a phone); Ola removed: Ingrid then Kari, normalised.
    const ingrid = { contactId: 'ct-ingrid', name: 'Ingrid Berg', title: 'CEO', emails: ['ingrid@fjord.example'], phones: ['+4791234567'] };
    const kari = { contactId: 'ct-kari', name: 'Kari Lie', emails: ['kari@fjord.example'], phones: [] };
    const all = await call('GET', `/api/v1/customers/${fjord}/contacts`);
    expect(all.status).toBe(200);
    // Registration, three additions, one revision, one removal: revision 5.
    expect(all.body).toEqual({ customerId: fjord, items: [ingrid, kari], total: 2, limit: 50, offset: 0, hasMore: false, revision: 5 });
    expect(all.headers.etag).toBe('W/"5"');
    expect((await call('GET', `/api/v1/customers/${fjord}/contacts?limit=1`)).body).toMatchObject({ items: [ingrid], total: 2, limit: 1, offset: 0, hasMore: true });
    expect((await call('GET', `/api/v1/customers/${fjord}/contacts?limit=1&offset=1`)).body).toMatchObject({ items: [kari], hasMore: false });
    expect((await call('GET', `/api/v1/customers/${fjord}/contacts?offset=2`)).body).toMatchObject({ items: [], total: 2, hasMore: false });
    expect((await call('GET', `/api/v1/customers/${nordwind}/contacts`)).body).toMatchObject({ items: [], total: 0 });

    const unknown = await call('GET', '/api/v1/customers/0b7f8c2e-1d3a-4e5f-8a9b-0c1d2e3f4a5b/contacts');
    expect([unknown.status, unknown.headers['content-type'], unknown.body.code]).toEqual([404, expect.stringContaining('application/problem+json'), 'not-found']);
    const badPage = await call('GET', `/api/v1/customers/${fjord}/contacts?limit=0&sort=name`);
    expect(badPage.status).toBe(400);
    expect((badPage.body.errors as { field: string }[]).map((error) => error.field).sort()).toEqual(['query:limit', 'query:sort']);
  });

  it('archives: hidden from the list, shown with the filter, commands refused, out of the distribution, archived in the 360', async () => {
    expect((await listed('', position)).map((item) => item.customerId).sort()).toEqual([fjord, nordwind].sort());
    expect(await distribution(position)).toMatchObject({ segments: { A: 2 }, total: 2 });

    const archived = await ok('POST', `/api/v1/customers/${fjord}/archive`, { reason: 'Sold to a competitor' });
    position = Number(archived.position);
    expect(archived).toMatchObject({ customerId: fjord, revision: 6 });

    expect((await listed('', position)).map((item) => item.customerId)).toEqual([nordwind]);
    const withArchived = await listed('archived=include', position);
    expect(withArchived.map((item) => item.customerId).sort()).toEqual([fjord, nordwind].sort());
    const only = await listed('archived=only', position);
    expect(only).toEqual([expect.objectContaining({ customerId: fjord, archived: true, status: 'archived', archivedAt: expect.any(String) })]);
    expect(withArchived.find((item) => item.customerId === nordwind)).toMatchObject({ archived: false, archivedAt: null, status: 'active' });
    expect(await distribution(position)).toMatchObject({ segments: { A: 1 }, total: 1 });
    expect(((await call('GET', `/api/v1/customers/segments/A/customers?minPosition=${position}`)).body.items as ListItem[]).map((item) => item.customerId))
      .toEqual([nordwind]);

    const again = await call('POST', `/api/v1/customers/${fjord}/archive`, {});
    expect([again.status, again.headers['content-type'], again.body.code]).toEqual([409, expect.stringContaining('application/problem+json'), 'already-archived']);
    for (const [method, path, body] of [
      ['PUT', `/api/v1/customers/${fjord}/tags/vip`, undefined],
      ['POST', `/api/v1/customers/${fjord}/contacts`, { name: 'Someone New' }],
      ['DELETE', `/api/v1/customers/${fjord}/contacts/ct-kari`, undefined],
      ['POST', `/api/v1/customers/${fjord}/consents`, { purpose: 'email-marketing', granted: true, source: 'trade fair' }],
    ] as const) {
      const refused = await call(method, path, body);
      expect({ path, status: refused.status, code: refused.body.code }).toEqual({ path, status: 409, code: 'customer-archived' });
    }
    // A withdrawal of consent is still recorded.
    position = Number((await ok('POST', `/api/v1/customers/${fjord}/consents`, { purpose: 'email-marketing', granted: false, source: 'unsubscribe link' })).position);

    const customer = (await call('GET', `/api/v1/customers/${fjord}`)).body;
    expect(customer).toMatchObject({ archived: true, archiveReason: 'Sold to a competitor', revision: 7 });
    expect((await call('GET', `/api/v1/customers/${fjord}/contacts`)).body).toMatchObject({ total: 2, revision: 7 });

    const view = (await call('GET', `/api/v1/customers/${fjord}/360?minPosition=${position}`)).body as {
      archived: boolean; archivedAt: string | null; timeline: { items: { type: string; summary: string }[] };
    };
    expect([view.archived, view.archivedAt]).toEqual([true, customer.archivedAt]);
    expect(view.timeline.items.slice(0, 2).map((item) => [item.type, item.summary])).toEqual([
      ['CustomerConsentRecorded', 'Consent to email-marketing withdrawn (unsubscribe link)'],
      ['CustomerArchived', 'Archived: Sold to a competitor'],
    ]);
  });

  it('an order paid for an archived customer still records its value, but it joins the distribution only when restored', async () => {
    const { orderId } = await ok('POST', '/api/v1/orders', {
      customerId: fjord, currency: 'EUR', lines: [{ productId: 'crm-suite', description: 'CRM suite, 50 seats', quantity: 1, unitPrice: { amount: 2500, currency: 'EUR' } }],
    });
    await ok('POST', `/api/v1/orders/${String(orderId)}/confirmation`);
    await ok('POST', `/api/v1/orders/${String(orderId)}/payments`, { amount: { amount: 2500, currency: 'EUR' }, method: 'transfer' });
    const judged = await pollUntil(async () => (await listed('archived=only', position))[0], {
      until: (item) => item?.segment === 'C', timeoutMs: 3 * 60_000, description: 'the archived customer judged C in the list',
    });
    expect(judged).toMatchObject({ customerId: fjord, archived: true });
    expect(await distribution(position)).toMatchObject({ segments: { A: 1, C: 0 }, total: 1 });

    const restored = await ok('POST', `/api/v1/customers/${fjord}/restore`);
    position = Number(restored.position);
    const twice = await call('POST', `/api/v1/customers/${fjord}/restore`);
    expect([twice.status, twice.body.code]).toEqual([409, 'not-archived']);

    const back = await listed('', position);
    expect(back.find((item) => item.customerId === fjord)).toMatchObject({ archived: false, archivedAt: null, status: 'active', segment: 'C' });
    expect(await listed('archived=only', position)).toEqual([]);
    expect(await distribution(position)).toMatchObject({ segments: { A: 1, C: 1 }, total: 2 });
    position = Number((await ok('PUT', `/api/v1/customers/${fjord}/tags/vip`)).position);

    const view = (await call('GET', `/api/v1/customers/${fjord}/360?minPosition=${position}`)).body as {
      archived: boolean; archivedAt: string | null; tags: string[]; timeline: { items: { type: string }[] };
    };
    expect([view.archived, view.archivedAt, view.tags]).toEqual([false, null, ['vip']]);
    expect(view.timeline.items.map((item) => item.type)).toEqual(expect.arrayContaining(['CustomerArchived', 'CustomerRestored', 'CustomerTagged']));
    expect((await call('GET', `/api/v1/customers/${fjord}`)).body).toMatchObject({ archived: false });
    expect((await call('GET', `/api/v1/customers/${fjord}`)).body).not.toHaveProperty('archivedAt');
  });
});

describe('standalone: GET /api/v1/customers paged by cursor', () => {
  // A tenant of its own. By folded name: Bergen, Dalarna, Fyn, Hedmark, Jutland; Aalborg is registered mid-way and sorts first.
  const pagingTenant = { 'x-tenant-id': 'customer-cursor-e2e', 'x-user-id': 'rep-ada' };
  type Page = Readonly<{ items: ListItem[]; limit: number; offset: number; hasMore: boolean; nextCursor: string | null }>;
  const names: Record<string, string> = {};
  let last = 0;
  const register = async (name: string, region = 'nordics') => {
    const response = await host.request('POST', '/api/v1/customers', {
      headers: pagingTenant, body: { kind: 'company', name, region, ownerId: 'rep-ada', sourceChannel: 'web', emails: [`buy@${name.split(' ')[0]!.toLowerCase()}.example`] },
    });
    if (response.status !== 201) throw new Error(`register ${name}: ${response.status} ${response.text}`);
    const { customerId, position } = response.body as { customerId: string; position: number };
    names[customerId] = name.split(' ')[0]!;
    last = Math.max(last, position);
  };
  const get = (query: string) => host.request('GET', `/api/v1/customers?${query}`, { headers: { ...pagingTenant, 'x-min-position': String(last) } });
  const page = async (query: string) => {
    const response = await get(query);
    if (response.status !== 200) throw new Error(`list ${query}: ${response.status} ${response.text}`);
    const body = response.body as Page;
    return { ...body, labels: body.items.map((item) => names[item.customerId] ?? item.customerId) };
  };
  const refusal = async (query: string) => {
    const response = await get(query);
    expect([response.status, response.headers.get('content-type')]).toEqual([400, expect.stringContaining('application/problem+json')]);
    return (response.body as { errors: { field: string; messages: string[] }[] }).errors;
  };

  beforeAll(async () => {
    for (const name of ['Hedmark Holz', 'Bergen Bakery', 'Jutland Joinery', 'Dalarna Dairy', 'Fyn Fisheries']) await register(name, name.startsWith('Fyn') ? 'dk' : 'nordics');
  });

  it('pages through every customer by nextCursor: one registered meanwhile that sorts before the page skips or repeats none; offset still pages', async () => {
    const first = await page('limit=2');
    expect([first.labels, first.hasMore, first.offset]).toEqual([['Bergen', 'Dalarna'], true, 0]);
    expect(first.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);

    await register('Aalborg Ale');
    // By offset the new first row shifts the rest: the second page repeats Dalarna.
    expect((await page('limit=2&offset=2')).labels).toEqual(['Dalarna', 'Fyn']);

    const second = await page(`limit=2&cursor=${first.nextCursor}`);
    expect([second.labels, second.hasMore, second.offset]).toEqual([['Fyn', 'Hedmark'], true, 0]);
    const third = await page(`limit=2&cursor=${second.nextCursor}`);
    expect([third.labels, third.hasMore, third.nextCursor]).toEqual([['Jutland'], false, null]);
    expect([...first.labels, ...second.labels, ...third.labels]).toEqual(['Bergen', 'Dalarna', 'Fyn', 'Hedmark', 'Jutland']);

    // The limit may change between pages; the defaults may be named; from the start Aalborg is now first.
    expect((await page(`limit=10&sortBy=name&direction=asc&archived=exclude&cursor=${first.nextCursor}`)).labels).toEqual(['Fyn', 'Hedmark', 'Jutland']);
    expect((await page('limit=10')).labels).toEqual(['Aalborg', 'Bergen', 'Dalarna', 'Fyn', 'Hedmark', 'Jutland']);
  });

  it('keeps the sort and filters: descending by name with a region, paged by cursor, gives the whole filtered list', async () => {
    // nordics, by name descending: Jutland, Hedmark, Dalarna, Bergen, Aalborg (Fyn is in dk).
    const first = await page('region=nordics&direction=desc&limit=3');
    const rest = await page(`region=nordics&direction=desc&limit=3&cursor=${first.nextCursor}`);
    expect([first.labels, rest.labels, rest.nextCursor]).toEqual([['Jutland', 'Hedmark', 'Dalarna'], ['Bergen', 'Aalborg'], null]);
  });

  it('answers 400 query:cursor for a cursor with offset, altered, or made for another sort or filter', async () => {
    const { nextCursor } = await page('limit=2');
    const problem = (text: string) => [{ field: 'query:cursor', messages: [expect.stringContaining(text)] }];
    expect(await refusal(`limit=2&offset=2&cursor=${nextCursor}`)).toEqual(problem('cannot be combined with offset'));
    expect(await refusal(`direction=desc&cursor=${nextCursor}`)).toEqual(problem('was made for the sort name asc, not name desc'));
    expect(await refusal(`sortBy=registeredAt&cursor=${nextCursor}`)).toEqual(problem('was made for the sort name asc, not registeredAt asc'));
    expect(await refusal(`region=nordics&cursor=${nextCursor}`)).toEqual(problem('was made for other filters'));
    expect(await refusal(`archived=include&cursor=${nextCursor}`)).toEqual(problem('was made for other filters'));
    expect(await refusal(`cursor=${nextCursor!.slice(0, -4)}`)).toEqual(problem('is not a cursor this endpoint gave out'));
    const otherTenant = await host.request('GET', `/api/v1/customers?cursor=${nextCursor}`, { headers: tenant });
    expect([otherTenant.status, (otherTenant.body as { errors: { field: string }[] }).errors.map((error) => error.field)]).toEqual([400, ['query:cursor']]);
  });

  it('documents cursor and nextCursor for the customer list and a segment list', async () => {
    type Document = { paths: Record<string, { get: { parameters: { name: string }[] } }>; components: { schemas: Record<string, { properties: Record<string, object> }> } };
    const document = (await host.request('GET', '/api/openapi.json')).body as Document;
    for (const path of ['/api/v1/customers', '/api/v1/customers/segments/{segment}/customers']) {
      expect(document.paths[path]!.get.parameters.map((parameter) => parameter.name)).toEqual(expect.arrayContaining(['limit', 'offset', 'cursor']));
    }
    expect(document.components.schemas.CustomerListPageView!.properties.nextCursor).toMatchObject({ type: 'string', nullable: true });
  });
});
