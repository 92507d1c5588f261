import type { TestHost } from '@meridian/platform/testing';
import { startTestHost } from '@meridian/platform/testing';
import { standaloneHost } from './standalone.host';
import { newOpportunityBody, tenantA, tenantB } from './testing/opportunity-fixtures';

let host: TestHost;

beforeAll(async () => {
  host = await startTestHost(standaloneHost, 'memory:', { READ_WAIT_MAX_MS: '60000' });
});

afterAll(() => host.close());

const open = async (overrides: Record<string, unknown>, headers = tenantA) => {
  const response = await host.request('POST', '/api/v1/opportunities', { headers, body: newOpportunityBody(overrides) });
  expect(response.status).toBe(201);
  return response.body as { opportunityId: string; position: number };
};

const command = async (id: string, name: string, body: unknown) => {
  const response = await host.request('POST', `/api/v1/opportunities/${id}/${name}`, { headers: tenantA, body });
  expect(response.status).toBe(200);
  return response.body as { position: number };
};

describe('standalone read side (in-process feed, no Kafka or MongoDB)', () => {
  it('serves the list and the funnel, reading its own writes', async () => {
    const a = await open({ ownerId: 'ana', amount: { amount: 500, currency: 'EUR' } });
    const b = await open({ ownerId: 'bo', region: 'apac', amount: { amount: 900, currency: 'EUR' } });
    await command(b.opportunityId, 'change-stage', { toStage: 'qualified' });
    const { position } = await command(a.opportunityId, 'change-stage', { toStage: 'lost', lostReason: 'no budget' });
    await open({ ownerId: 'ana' }, tenantB);

    const list = await host.request('GET', '/api/v1/opportunities?sortBy=amount&direction=desc', { headers: { ...tenantA, 'x-min-position': String(position) } });
    expect(list.status).toBe(200);
    expect((list.body as { items: Array<{ opportunityId: string; stage: string }> }).items.map((i) => [i.opportunityId, i.stage])).toEqual([
      [b.opportunityId, 'qualified'],
      [a.opportunityId, 'lost'],
    ]);

    const funnel = await host.request('GET', `/api/v1/analytics/funnel?minPosition=${position}`, { headers: tenantA });
    expect(funnel.body).toMatchObject({
      opportunities: 2,
      stages: [{ stage: 'lead', count: 0, reached: 2, conversionToNext: 0.5 }, { stage: 'qualified', count: 1, amounts: [{ currency: 'EUR', amount: 900 }] }, {}, {}],
      lost: { count: 1, amounts: [{ currency: 'EUR', amount: 500 }] },
    });
    const apac = await host.request('GET', `/api/v1/analytics/funnel?region=apac&minPosition=${position}`, { headers: tenantA });
    expect((apac.body as { opportunities: number }).opportunities).toBe(1);
  });

  it('answers 409 at once for a position the event store never handed out, rather than waiting it out', async () => {
    const head = await host.store.headPosition();
    const response = await host.request('GET', '/api/v1/analytics/funnel', { headers: { ...tenantA, 'x-min-position': String(head + 1) } });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'position-not-issued', minPosition: head + 1, headPosition: head });
  });

  it('rejects unknown parameters, bad values and conflicting positions with 400 naming each', async () => {
    const response = await host.request('GET', '/api/v1/opportunities?owner=ana&limit=500&minPosition=3', { headers: { ...tenantA, 'x-min-position': '4' } });
    expect(response.status).toBe(400);
    expect((response.body as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toEqual(['query:minPosition']);
    const again = await host.request('GET', '/api/v1/opportunities?owner=ana&limit=500', { headers: tenantA });
    expect((again.body as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toEqual(['query:owner', 'query:limit']);
    const tenantless = await host.request('GET', '/api/v1/analytics/funnel');
    expect(tenantless.status).toBe(401);
  });
});

describe('standalone opportunity list paged by cursor', () => {
  // A tenant of its own: d1 100, d2 and d3 200 each (a tie, broken by opportunity id), d4 300, d5 400; d0 (50) is opened mid-way.
  const tenant = { ...tenantA, 'x-tenant-id': 'initech' };
  const ids: Record<string, string> = {};
  let last = 0;
  const label = (id: string) => Object.entries(ids).find(([, known]) => known === id)?.[0] ?? id;
  const deal = async (name: string, amount: number) => {
    const opened = await open({ name: `Deal ${name}`, amount: { amount, currency: 'EUR' } }, tenant);
    ids[name] = opened.opportunityId;
    last = Math.max(last, opened.position);
  };
  const get = (query: string) => host.request('GET', `/api/v1/opportunities?${query}`, { headers: { ...tenant, 'x-min-position': String(last) } });
  const page = async (query: string) => {
    const response = await get(query);
    expect(response.status).toBe(200);
    const body = response.body as { items: Array<{ opportunityId: string }>; hasMore: boolean; offset: number; nextCursor: string | null };
    return { ...body, labels: body.items.map((item) => label(item.opportunityId)) };
  };

  it('pages through every deal by nextCursor: a deal opened meanwhile before the page skips or repeats none; offset still pages', async () => {
    for (const [name, amount] of [['d1', 100], ['d2', 200], ['d3', 200], ['d4', 300], ['d5', 400]] as const) await deal(name, amount);
    const [firstTie, secondTie] = [ids.d2!, ids.d3!].sort().map(label);
    const first = await page('sortBy=amount&limit=2');
    expect([first.labels, first.hasMore]).toEqual([['d1', firstTie], true]);

    await deal('d0', 50);
    expect((await page('sortBy=amount&limit=2&offset=2')).labels).toEqual([firstTie, secondTie]);

    const second = await page(`sortBy=amount&limit=2&cursor=${first.nextCursor}`);
    expect([second.labels, second.hasMore, second.offset]).toEqual([[secondTie, 'd4'], true, 0]);
    const third = await page(`sortBy=amount&limit=2&cursor=${second.nextCursor}`);
    expect([third.labels, third.hasMore, third.nextCursor]).toEqual([['d5'], false, null]);
    expect([...first.labels, ...second.labels, ...third.labels]).toEqual(['d1', firstTie, secondTie, 'd4', 'd5']);
    expect((await page('sortBy=amount&limit=10')).labels).toEqual(['d0', 'd1', firstTie, secondTie, 'd4', 'd5']);

    const refused = await get(`sortBy=amount&direction=desc&cursor=${first.nextCursor}`);
    expect([refused.status, (refused.body as { errors: Array<{ field: string }> }).errors.map((e) => e.field)]).toEqual([400, ['query:cursor']]);
    const both = await get(`sortBy=amount&offset=0&cursor=${first.nextCursor}`);
    expect([both.status, (both.body as { errors: Array<{ field: string; messages: string[] }> }).errors]).toEqual([
      400, [{ field: 'query:cursor', messages: [expect.stringContaining('cannot be combined with offset')] }],
    ]);
  });
});
