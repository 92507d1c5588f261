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
