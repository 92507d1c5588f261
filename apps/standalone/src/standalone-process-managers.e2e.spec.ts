import type { TestHost } from '@meridian/platform/testing';
import { pollUntil, startTestHost } from '@meridian/platform/testing';
import { wonOpportunityOrderId } from '@meridian/orders/domain';
import { standaloneHost } from './standalone.host';
import { newOpportunityBody, tenantA } from './testing/opportunity-fixtures';

let host: TestHost;

beforeAll(async () => {
  host = await startTestHost(standaloneHost, 'memory:');
});

afterAll(() => host.close());

const post = async (path: string, body: unknown) => {
  const response = await host.request('POST', path, { headers: tenantA, body });
  expect(response.status).toBeLessThan(300);
  return response.body as { opportunityId: string };
};

const orderOf = async (opportunityId: string) => {
  const response = await host.request('GET', `/api/v1/orders/${wonOpportunityOrderId(tenantA['x-tenant-id'], opportunityId)}`, { headers: tenantA });
  return response.status === 200 ? (response.body as Record<string, unknown>) : undefined;
};

describe('standalone process managers (in-process feed)', () => {
  it('drafts an order for the customer when an opportunity is won, once, even when the deal is reopened and won again', async () => {
    const { opportunityId } = await post('/api/v1/opportunities', newOpportunityBody({ customerId: 'cus-42', productLine: 'crm-suite' }));
    expect(await orderOf(opportunityId)).toBeUndefined();
    await post(`/api/v1/opportunities/${opportunityId}/change-stage`, { toStage: 'won', finalAmount: { amount: 98000, currency: 'EUR' } });

    const order = await pollUntil(() => orderOf(opportunityId), { until: (found) => found !== undefined, timeoutMs: 3 * 60_000, description: 'the drafted order' });
    expect(order).toMatchObject({
      customerId: 'cus-42', opportunityId, status: 'drafted', total: { amount: 98000, currency: 'EUR' },
      lines: [{ productId: 'crm-suite', quantity: 1, unitPrice: { amount: 98000, currency: 'EUR' } }],
    });

    await post(`/api/v1/opportunities/${opportunityId}/reopen`, { toStage: 'negotiation', reason: 'scope changed' });
    await post(`/api/v1/opportunities/${opportunityId}/change-stage`, { toStage: 'won', finalAmount: { amount: 1, currency: 'EUR' } });
    // The feed handles events in global order: once a later deal's order exists, the re-win has been handled too.
    const later = await post('/api/v1/opportunities', newOpportunityBody());
    await post(`/api/v1/opportunities/${later.opportunityId}/change-stage`, { toStage: 'won' });
    await pollUntil(() => orderOf(later.opportunityId), { until: (found) => found !== undefined, timeoutMs: 3 * 60_000, description: 'the later order' });
    expect(await orderOf(opportunityId)).toMatchObject({ total: { amount: 98000, currency: 'EUR' }, status: 'drafted' });
  });
});
