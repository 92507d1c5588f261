import { pollUntil, send } from '@meridian/platform/testing';
import type { HttpResponse } from '@meridian/platform/testing';
import type { StandaloneProcess } from './testing/standalone-process';
import { STANDALONE_START_BOUND_MS, standaloneTestTimeout, startStandalone } from './testing/standalone-process';

// GET /api/v1/orders through the built standalone process: orders placed,
// paid, refunded and cancelled over HTTP, projected in process, listed with
// every filter and sort. Expected lists are worked out by hand below.
const tenantA = { 'x-tenant-id': 'acme', 'x-user-id': 'clerk-ada' };
const tenantB = { 'x-tenant-id': 'globex', 'x-user-id': 'clerk-bo' };
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const line = (quantity: number, amount: number) => ({ productId: 'sku-1', description: 'Desk', quantity, unitPrice: eur(amount) });

type ListItem = Readonly<{ orderId: string; placedAt: string; [field: string]: unknown }>;
type Page = Readonly<{ items: ListItem[]; limit: number; offset: number; hasMore: boolean; nextCursor: string | null }>;

let standalone: StandaloneProcess | undefined;
const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = tenantA): Promise<HttpResponse> =>
  send(standalone!.baseUrl, method, path, { headers, ...(body === undefined ? {} : { body }) });

const accepted = async (method: string, path: string, body?: unknown, headers = tenantA) => {
  const response = await call(method, path, body, headers);
  if (response.status !== 200 && response.status !== 201) throw new Error(`${method} ${path} answered ${response.status}: ${response.text}`);
  return response.body as { orderId: string; position: number };
};

const dayOf = (instant: string) => instant.slice(0, 10);
const shiftDay = (day: string, by: number) => new Date(Date.parse(`${day}T00:00:00Z`) + by * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  standalone = await startStandalone({ EVENTSTORE_URL: 'memory:', READ_WAIT_MAX_MS: '60000' });
  const { baseUrl } = standalone;
  await pollUntil(async () => (await send(baseUrl, 'GET', '/health/ready')).status, {
    until: (status) => status === 200, timeoutMs: STANDALONE_START_BOUND_MS, intervalMs: 100, description: 'the standalone host to be ready',
  });
}, standaloneTestTimeout());

afterAll(async () => {
  await standalone?.stop();
});

describe('GET /api/v1/orders on the standalone process', () => {
  // a: cus-a, 2 × 349.99 + 3 × 19.99 = 759.95, confirmed, 500 paid, 120.50 refunded.
  // b: cus-b, 80, for opp-e2e-1, cancelled. c: cus-a, 1200, only placed. Placed a, b, c in that order.
  const ids: Record<'a' | 'b' | 'c' | 'other', string> = { a: '', b: '', c: '', other: '' };
  let last = 0;
  const label = (orderId: string) => Object.entries(ids).find(([, id]) => id === orderId)?.[0] ?? orderId;

  const list = async (query: string, headers: Record<string, string> = tenantA): Promise<Page> => {
    const response = await call('GET', `/api/v1/orders${query === '' ? '' : `?${query}`}`, undefined, { ...headers, 'x-min-position': String(last) });
    if (response.status !== 200) throw new Error(`list ${query} answered ${response.status}: ${response.text}`);
    return response.body as Page;
  };
  const labels = async (query: string) => (await list(query)).items.map((item) => label(item.orderId));

  beforeAll(async () => {
    ids.a = (await accepted('POST', '/api/v1/orders', { customerId: 'cus-a', currency: 'EUR', lines: [line(2, 349.99), line(3, 19.99)] })).orderId;
    await accepted('POST', `/api/v1/orders/${ids.a}/confirmation`);
    await accepted('POST', `/api/v1/orders/${ids.a}/payments`, { paymentId: 'psp-1', amount: eur(500), method: 'card' });
    await accepted('POST', `/api/v1/orders/${ids.a}/refunds`, { refundId: 'rma-1', amount: eur(120.5), reason: 'Desk damaged' });
    ids.b = (await accepted('POST', '/api/v1/orders', { customerId: 'cus-b', currency: 'EUR', opportunityId: 'opp-e2e-1', lines: [line(1, 80)] })).orderId;
    await accepted('POST', `/api/v1/orders/${ids.b}/cancellation`, { reason: 'Changed mind' });
    ids.c = (await accepted('POST', '/api/v1/orders', { customerId: 'cus-a', currency: 'EUR', lines: [line(1, 1200)] })).orderId;
    const other = await accepted('POST', '/api/v1/orders', { customerId: 'cus-a', currency: 'EUR', lines: [line(1, 5)] }, tenantB);
    ids.other = other.orderId;
    last = other.position;
  });

  it('lists one row per order with the figures GET /orders/{id} shows, newest first', async () => {
    const page = await list('');
    expect(page.items.map((item) => label(item.orderId))).toEqual(['c', 'b', 'a']);
    expect([page.limit, page.offset, page.hasMore]).toEqual([50, 0, false]);
    const [c, b, a] = page.items;
    expect(a!.placedAt < b!.placedAt && b!.placedAt < c!.placedAt).toBe(true);
    expect(a).toEqual({
      orderId: ids.a, customerId: 'cus-a', status: 'confirmed', origin: 'placed', currency: 'EUR',
      total: eur(759.95), paid: eur(500), refunded: eur(120.5), netPaid: eur(379.5), outstanding: eur(259.95),
      placedAt: a!.placedAt, updatedAt: expect.any(String), revision: 3, position: expect.any(Number),
    });
    expect(b).toMatchObject({ customerId: 'cus-b', opportunityId: 'opp-e2e-1', status: 'cancelled', total: eur(80), paid: eur(0), outstanding: eur(80), revision: 1 });
    expect(c).toMatchObject({ customerId: 'cus-a', status: 'placed', total: eur(1200), netPaid: eur(0), outstanding: eur(1200), revision: 0 });
    expect(c).not.toHaveProperty('opportunityId');

    const single = await call('GET', `/api/v1/orders/${ids.a}`);
    expect(single.body).toMatchObject({ status: a!.status, total: a!.total, paid: a!.paid, refunded: a!.refunded, netPaid: a!.netPaid, outstanding: a!.outstanding, createdAt: a!.placedAt, revision: 3 });
  });

  it('filters by customer, status and opportunity', async () => {
    expect(await labels('customerId=cus-a')).toEqual(['c', 'a']);
    expect(await labels('customerId=cus-b')).toEqual(['b']);
    expect(await labels('status=confirmed')).toEqual(['a']);
    expect(await labels('status=cancelled')).toEqual(['b']);
    expect(await labels('status=placed')).toEqual(['c']);
    expect(await labels('status=drafted')).toEqual([]);
    expect(await labels('opportunityId=opp-e2e-1')).toEqual(['b']);
    expect(await labels('customerId=cus-a&status=confirmed')).toEqual(['a']);
  });

  it('filters by the day placed, both bounds inclusive', async () => {
    const { items } = await list('direction=asc');
    const days = Object.fromEntries(items.map((item) => [label(item.orderId), dayOf(item.placedAt)]));
    const today = days.a!;
    // Placed within seconds of one another; should a UTC midnight fall between them, the bounds are per order.
    const placedOn = (day: string) => ['c', 'b', 'a'].filter((name) => days[name] === day);
    expect(await labels(`placedFrom=${today}&placedTo=${today}`)).toEqual(placedOn(today));
    expect(await labels(`placedFrom=${today}`)).toEqual(['c', 'b', 'a']);
    expect(await labels(`placedTo=${shiftDay(today, -1)}`)).toEqual([]);
    expect(await labels(`placedFrom=${shiftDay(days.c!, 1)}`)).toEqual([]);
    expect(await labels(`placedFrom=${shiftDay(today, -30)}&placedTo=${shiftDay(days.c!, 1)}&customerId=cus-a`)).toEqual(['c', 'a']);
  });

  it('sorts by total or placedAt either way, and pages', async () => {
    expect(await labels('sortBy=total')).toEqual(['c', 'a', 'b']);
    expect(await labels('sortBy=total&direction=asc')).toEqual(['b', 'a', 'c']);
    expect(await labels('sortBy=placedAt&direction=asc')).toEqual(['a', 'b', 'c']);
    const first = await list('sortBy=total&direction=asc&limit=2');
    expect([first.items.map((item) => label(item.orderId)), first.hasMore]).toEqual([['b', 'a'], true]);
    const second = await list('sortBy=total&direction=asc&limit=2&offset=2');
    expect([second.items.map((item) => label(item.orderId)), second.hasMore, second.offset]).toEqual([['c'], false, 2]);
  });

  it('keeps tenants apart', async () => {
    expect((await list('', tenantB)).items.map((item) => label(item.orderId))).toEqual(['other']);
    expect((await list('customerId=cus-a', tenantB)).items).toHaveLength(1);
  });

  it('reads its own writes: a new payment is in the list answered for its position', async () => {
    const paid = await accepted('POST', `/api/v1/orders/${ids.a}/payments`, { paymentId: 'psp-2', amount: eur(259.95), method: 'transfer' });
    const response = await call('GET', `/api/v1/orders?status=confirmed&minPosition=${paid.position}`);
    expect(response.status).toBe(200);
    expect((response.body as Page).items).toEqual([expect.objectContaining({ orderId: ids.a, paid: eur(759.95), outstanding: eur(0), netPaid: eur(639.45), revision: 4 })]);
    last = paid.position;
  });

  it('answers a bad filter with a 400 problem+json naming every parameter at fault', async () => {
    const response = await call('GET', '/api/v1/orders?status=paid&limit=0&sortBy=customerId&customer=cus-a&placedFrom=2026-02-30');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 400 });
    const errors = (response.body as { errors: Array<{ field: string; messages: string[] }> }).errors;
    expect(errors.map((error) => error.field).sort()).toEqual(['query:customer', 'query:limit', 'query:placedFrom', 'query:sortBy', 'query:status']);
    expect(errors.find((error) => error.field === 'query:status')?.messages).toEqual(['must be one of placed, drafted, confirmed, cancelled']);

    const backwards = await call('GET', '/api/v1/orders?placedFrom=2026-06-02&placedTo=2026-06-01&status=placed&status=cancelled');
    expect(backwards.status).toBe(400);
    expect((backwards.body as { errors: Array<{ field: string; messages: string[] }> }).errors).toEqual(expect.arrayContaining([
      { field: 'query:placedTo', messages: ['must not be before placedFrom'] },
      { field: 'query:status', messages: ['is given more than once'] },
    ]));
  });
});

describe('GET /api/v1/orders paged by cursor on the standalone process', () => {
  // A tenant of its own: p1 10, p2 and p3 20 each (a tie, broken by order id), p4 30, p5 40; p0 (5) is placed mid-way.
  const tenant = { 'x-tenant-id': 'initech', 'x-user-id': 'clerk-cy' };
  const ids: Record<string, string> = {};
  let last = 0;
  const label = (orderId: string) => Object.entries(ids).find(([, id]) => id === orderId)?.[0] ?? orderId;
  const place = async (name: string, amount: number) => {
    const placed = await accepted('POST', '/api/v1/orders', { customerId: 'cus-i', currency: 'EUR', lines: [line(1, amount)] }, tenant);
    ids[name] = placed.orderId;
    last = Math.max(last, placed.position);
  };
  const get = (query: string) => call('GET', `/api/v1/orders?${query}`, undefined, { ...tenant, 'x-min-position': String(last) });
  const page = async (query: string) => {
    const response = await get(query);
    if (response.status !== 200) throw new Error(`list ${query} answered ${response.status}: ${response.text}`);
    const body = response.body as Page;
    return { ...body, labels: body.items.map((item) => label(item.orderId)) };
  };

  beforeAll(async () => {
    for (const [name, amount] of [['p1', 10], ['p2', 20], ['p3', 20], ['p4', 30], ['p5', 40]] as const) await place(name, amount);
  });

  it('pages through every order by nextCursor: an order placed meanwhile before the page skips or repeats none; offset still pages', async () => {
    // Ties on the total go by order id, ascending with the sort.
    const [firstTwenty, secondTwenty] = [ids.p2!, ids.p3!].sort().map(label);
    const first = await page('sortBy=total&direction=asc&limit=2');
    expect([first.labels, first.hasMore, first.offset]).toEqual([['p1', firstTwenty], true, 0]);
    expect(first.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);

    await place('p0', 5);
    // By offset, the new first row shifts the rest: the second page repeats the last row of the first.
    expect((await page('sortBy=total&direction=asc&limit=2&offset=2')).labels).toEqual([firstTwenty, secondTwenty]);

    const second = await page(`sortBy=total&direction=asc&limit=2&cursor=${first.nextCursor}`);
    expect([second.labels, second.hasMore, second.offset]).toEqual([[secondTwenty, 'p4'], true, 0]);
    const third = await page(`sortBy=total&direction=asc&limit=2&cursor=${second.nextCursor}`);
    expect([third.labels, third.hasMore, third.nextCursor]).toEqual([['p5'], false, null]);
    const seen = [...first.labels, ...second.labels, ...third.labels];
    expect(seen).toEqual(['p1', firstTwenty, secondTwenty, 'p4', 'p5']);
    expect(new Set(seen).size).toBe(5);

    // The limit may change between pages; the list from the start now has p0 first.
    expect((await page(`sortBy=total&direction=asc&limit=10&cursor=${first.nextCursor}`)).labels).toEqual([secondTwenty, 'p4', 'p5']);
    expect((await page('sortBy=total&direction=asc&limit=10')).labels).toEqual(['p0', 'p1', firstTwenty, secondTwenty, 'p4', 'p5']);
    expect((await page('sortBy=total&direction=asc&limit=10')).nextCursor).toBeNull();
  });

  it('pages newest first by default, with filters, and the cursor keeps them', async () => {
    const all = (await page('customerId=cus-i&limit=50')).labels;
    const first = await page('customerId=cus-i&limit=4');
    const rest = await page(`customerId=cus-i&limit=4&cursor=${first.nextCursor}`);
    expect([...first.labels, ...rest.labels]).toEqual(all);
    expect([all.length, rest.nextCursor]).toEqual([6, null]);
  });

  it('documents cursor and nextCursor in the OpenAPI document', async () => {
    type Document = { paths: Record<string, { get: { parameters: Array<{ name: string; schema: object }> } }>; components: { schemas: Record<string, { properties: Record<string, object> }> } };
    const document = (await call('GET', '/api/openapi.json')).body as Document;
    const parameters = document.paths['/api/v1/orders']!.get.parameters;
    expect(parameters.find((parameter) => parameter.name === 'cursor')).toMatchObject({ in: 'query', required: false, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]+$' } });
    expect(parameters.map((parameter) => parameter.name)).toEqual(expect.arrayContaining(['offset', 'limit', 'cursor']));
    expect(document.components.schemas.OrderListPageView!.properties.nextCursor).toMatchObject({ type: 'string', nullable: true });
  });

  it('answers 400 query:cursor for a cursor with offset, a tampered one, or one made for another sort or filter', async () => {
    const { nextCursor } = await page('sortBy=total&direction=asc&limit=2');
    const refusal = async (query: string) => {
      const response = await get(query);
      expect([response.status, response.headers.get('content-type')]).toEqual([400, expect.stringContaining('application/problem+json')]);
      return (response.body as { errors: Array<{ field: string; messages: string[] }> }).errors;
    };
    expect(await refusal(`sortBy=total&direction=asc&cursor=${nextCursor}&offset=2`)).toEqual([
      { field: 'query:cursor', messages: [expect.stringContaining('cannot be combined with offset')] },
    ]);
    expect(await refusal(`sortBy=total&direction=desc&cursor=${nextCursor}`)).toEqual([
      { field: 'query:cursor', messages: [expect.stringContaining('was made for the sort total asc, not total desc')] },
    ]);
    expect(await refusal(`sortBy=total&direction=asc&status=placed&cursor=${nextCursor}`)).toEqual([
      { field: 'query:cursor', messages: [expect.stringContaining('was made for other filters')] },
    ]);
    expect(await refusal(`sortBy=total&direction=asc&cursor=${nextCursor!.slice(0, -4)}`)).toEqual([
      { field: 'query:cursor', messages: [expect.stringContaining('is not a cursor this endpoint gave out')] },
    ]);
  });
});
