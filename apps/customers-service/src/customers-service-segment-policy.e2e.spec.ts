import type { CustomersServiceUnderTest } from './testing/customers-service-fixtures';
import { fieldsOf, problemJson, startCustomersService, stopCustomersService, tenantA, tenantB } from './testing/customers-service-fixtures';

const path = '/api/v1/customers/segment-policy';
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const policy = { windowDays: 90, currency: 'EUR', highAverageOrderValue: eur(2500.5), highPurchaseCount: 3 };

describe('customers-service segment policy on PostgreSQL', () => {
  let service: CustomersServiceUnderTest;
  const host = () => service.host;
  const send = (method: string, body?: unknown, headers: Record<string, string> = tenantA) =>
    host().request(method, path, { headers, ...(body === undefined ? {} : { body }) });

  beforeAll(async () => {
    service = await startCustomersService();
  });

  afterAll(() => stopCustomersService(service));

  it("answers the default, marked as such, until the tenant sets a policy; then the tenant's own, per tenant", async () => {
    // A 200 with a policy, not a 400 for a malformed customer id: `segment-policy` is never taken for a `:customerId`.
    const initial = await send('GET');
    expect([initial.status, initial.headers.get('etag'), initial.body]).toEqual([
      200, null, { policy: { windowDays: 365, currency: 'EUR', highAverageOrderValue: eur(1000), highPurchaseCount: 4 }, source: 'default' },
    ]);

    const set = await send('PUT', policy);
    expect([set.status, set.headers.get('etag'), set.body]).toEqual([200, 'W/"0"', { revision: 0, position: expect.any(Number), replayed: false }]);
    const current = await send('GET');
    expect([current.headers.get('etag'), current.body]).toEqual(['W/"0"', { policy, source: 'tenant', setAt: expect.any(String), revision: 0 }]);
    expect((await send('GET', undefined, tenantB)).body).toMatchObject({ source: 'default' });

    expect((await send('PUT', policy)).body).toMatchObject({ revision: 0 });
    const stale = await send('PUT', { ...policy, windowDays: 30 }, { ...tenantA, 'if-match': 'W/"5"' });
    expect([stale.status, stale.body]).toEqual([412, expect.objectContaining({ code: 'stale-revision', currentRevision: 0 })]);
    expect((await send('PUT', { ...policy, windowDays: 30 }, { ...tenantA, 'if-match': 'W/"0"' })).body).toMatchObject({ revision: 1 });
    const events = await host().store.readStream('segment_policy-acme');
    expect(events.map((e) => [e.type, (e.data as { windowDays: number }).windowDays])).toEqual([['SegmentPolicySet', 90], ['SegmentPolicySet', 30]]);
  });

  it('refuses an invalid policy with 400 naming every bad field, and appends nothing', async () => {
    const before = await host().store.headPosition();
    const cases: [unknown, string[]][] = [
      [{ windowDays: 0, currency: 'eur', highAverageOrderValue: { amount: 0, currency: 'EUR' }, highPurchaseCount: 1.5 },
        ['currency', 'highAverageOrderValue', 'highAverageOrderValue.amount', 'highPurchaseCount', 'windowDays']],
      [{ ...policy, windowDays: 3651, highAverageOrderValue: { amount: 10.001, currency: 'USD' } }, ['highAverageOrderValue', 'highAverageOrderValue.amount', 'windowDays']],
      [{ windowDays: 30 }, ['currency', 'highAverageOrderValue', 'highPurchaseCount']],
    ];
    for (const [body, fields] of cases) {
      const answer = await send('PUT', body, { ...tenantA, 'x-tenant-id': 'initech' });
      expect([answer.status, answer.headers.get('content-type'), fieldsOf(answer.body)]).toEqual([400, expect.stringContaining(problemJson), fields]);
    }
    expect(await host().store.headPosition()).toBe(before);
  });
});
