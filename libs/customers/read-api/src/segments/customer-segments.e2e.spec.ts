import type { TestHost } from '@meridian/platform/testing';
import { pollUntil, startTestHost } from '@meridian/platform/testing';
import { command, customerBody, daysAgo, fieldsOf, paidOrder, registerCustomer, tenantA, tenantB, withPosition } from '../testing/customer-read-fixtures';
import { customerReadInProcessHost } from '../testing/customer-read.test-host';

type Distribution = { segments: { segment: string; customers: number }[]; total: number; policy: unknown };
type Page = { items: { name: string; segment: string }[]; hasMore: boolean };

let host: TestHost;
const ids: Record<string, string> = {};

beforeAll(async () => {
  host = await startTestHost(customerReadInProcessHost, 'memory:', { READ_WAIT_MAX_MS: '2000' });
});

afterAll(() => host?.close());

const countsOf = (distribution: Distribution): Record<string, number> =>
  Object.fromEntries(distribution.segments.map(({ segment, customers }) => [segment, customers]));

const distribution = async (headers: Record<string, string> = tenantA): Promise<Distribution> => {
  const response = await host.request('GET', '/api/v1/customers/segments', { headers });
  expect(response.status).toBe(200);
  return response.body as Distribution;
};

const members = async (segment: string, query = '', headers: Record<string, string> = tenantA): Promise<string[]> => {
  const response = await host.request('GET', `/api/v1/customers/segments/${segment}/customers${query}`, { headers });
  expect(response.status).toBe(200);
  return (response.body as Page).items.map((item) => item.name);
};

/**
 * Under a policy of "high" = an average of 500 EUR or 2 purchases in 365 days:
 * Alpha (a USD order only: not in the policy currency) → A; Bravo (100) → B;
 * Charlie (800) → C; Delta (2 × 100) → D; Echo (2 × 900) → E; Lapsed (100,
 * 400 days ago: B when paid, A once swept).
 */
describe('value segments (in-process read side, order-value process manager)', () => {
  it('puts each seeded customer in the right segment, under the tenant policy', async () => {
    await command(host, 'PUT', '/api/v1/customers/segment-policy', {
      windowDays: 365, currency: 'EUR', highAverageOrderValue: { amount: 500, currency: 'EUR' }, highPurchaseCount: 2,
    });
    for (const name of ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Lapsed']) ids[name] = (await registerCustomer(host, customerBody(name))).customerId;
    await registerCustomer(host, customerBody('Other tenant'), tenantB);
    await paidOrder(host, { customerId: ids.Alpha, amount: 5_000, currency: 'USD' });
    await paidOrder(host, { customerId: ids.Bravo, amount: 100 });
    await paidOrder(host, { customerId: ids.Charlie, amount: 800 });
    await paidOrder(host, { customerId: ids.Delta, amount: 100, paidAt: daysAgo(30) });
    await paidOrder(host, { customerId: ids.Delta, amount: 100 });
    await paidOrder(host, { customerId: ids.Echo, amount: 900, paidAt: daysAgo(60) });
    await paidOrder(host, { customerId: ids.Echo, amount: 900 });
    await paidOrder(host, { customerId: ids.Lapsed, amount: 100, paidAt: daysAgo(400) });

    // The process manager judges asynchronously after each payment: wait for its outcome, with a deadline.
    const settled = await pollUntil(distribution, { timeoutMs: 15_000, until: (d) => countsOf(d).E === 1 && countsOf(d).D === 1 && countsOf(d).B === 2, description: 'segments judged' });
    expect(countsOf(settled)).toEqual({ A: 1, B: 2, C: 1, D: 1, E: 1 });
    expect(settled.total).toBe(6);
    expect(settled.policy).toEqual({ windowDays: 365, currency: 'EUR', highAverageOrderValue: { amount: 500, currency: 'EUR' }, highPurchaseCount: 2 });
    expect(countsOf(await distribution(tenantB))).toEqual({ A: 1, B: 0, C: 0, D: 0, E: 0 });

    expect(await members('A')).toEqual(['Alpha']);
    expect(await members('B')).toEqual(['Bravo', 'Lapsed']);
    expect(await members('C')).toEqual(['Charlie']);
    expect(await members('D')).toEqual(['Delta']);
    expect(await members('E')).toEqual(['Echo']);
    expect(await members('B', '?limit=1&offset=1')).toEqual(['Lapsed']);
  });

  it('re-evaluates every customer who bought, as of now: the lapsed customer falls to A, and a second run changes nothing', async () => {
    const swept = await host.request('POST', '/api/v1/customers/segments/reevaluate', { headers: tenantA });
    expect(swept.status).toBe(200);
    // Everyone who bought, Alpha (in A: its only order is in USD) included: a policy in USD would move it.
    expect(swept.body).toMatchObject({ reevaluated: 6, changed: 1, skipped: 0 });
    const { position } = swept.body as { position: number };

    const after = await host.request('GET', '/api/v1/customers/segments', { headers: withPosition(position) });
    expect(countsOf(after.body as Distribution)).toEqual({ A: 2, B: 1, C: 1, D: 1, E: 1 });
    expect(await members('A', `?minPosition=${position}`)).toEqual(['Alpha', 'Lapsed']);

    const again = await host.request('POST', '/api/v1/customers/segments/reevaluate', { headers: tenantA, body: { asOf: new Date().toISOString() } });
    // Lapsed is in A now and still judged (a wider window could bring it back); nothing changes.
    expect(again.body).toMatchObject({ reevaluated: 6, changed: 0, skipped: 0 });
  });

  it('brings a lapsed customer back when the tenant widens its window and sweeps', async () => {
    await command(host, 'PUT', '/api/v1/customers/segment-policy', {
      windowDays: 730, currency: 'EUR', highAverageOrderValue: { amount: 500, currency: 'EUR' }, highPurchaseCount: 2,
    });
    const swept = await host.request('POST', '/api/v1/customers/segments/reevaluate', { headers: tenantA });
    expect(swept.body).toMatchObject({ reevaluated: 6, changed: 1 });
    const { position } = swept.body as { position: number };
    // Its purchase 400 days ago is inside 730 days again: B (100 EUR, once).
    expect(await members('B', `?minPosition=${position}`)).toEqual(['Bravo', 'Lapsed']);
  });

  it('refuses an invalid segment, an unknown parameter and a bad sweep request with 400 naming each', async () => {
    for (const segment of ['F', 'b', 'AB']) {
      const response = await host.request('GET', `/api/v1/customers/segments/${segment}/customers`, { headers: tenantA });
      expect([response.status, fieldsOf(response.body)]).toEqual([400, ['path:segment']]);
    }
    const unknown = await host.request('GET', '/api/v1/customers/segments?segment=A', { headers: tenantA });
    expect([unknown.status, fieldsOf(unknown.body)]).toEqual([400, ['query:segment']]);
    const page = await host.request('GET', '/api/v1/customers/segments/B/customers?limit=0&region=emea', { headers: tenantA });
    expect([page.status, fieldsOf(page.body).sort()]).toEqual([400, ['query:limit', 'query:region']]);
    for (const [body, field] of [[{ asOf: 'yesterday' }, 'asOf'], [{ asOf: '2999-01-01T00:00:00Z' }, 'asOf'], [{ segment: 'B' }, 'segment']] as const) {
      const response = await host.request('POST', '/api/v1/customers/segments/reevaluate', { headers: tenantA, body });
      expect([response.status, fieldsOf(response.body)]).toEqual([400, [field]]);
    }
    const anonymous = await host.request('POST', '/api/v1/customers/segments/reevaluate', { headers: { 'x-tenant-id': 'acme' } });
    expect([anonymous.status, fieldsOf(anonymous.body)]).toEqual([401, ['header:X-User-Id']]);
  });
});
