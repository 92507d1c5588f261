import type { HttpResponse } from '@meridian/platform/testing';
import { pollUntil, send } from '@meridian/platform/testing';
import { wonOpportunityOrderId } from '@meridian/orders/domain';
import { dealCommands } from './testing/deal-commands';
import type { Pipeline } from './testing/pipeline-fixture';
import { startPipeline } from './testing/pipeline-fixture';

// Three contexts as three services on PostgreSQL, the relay, the projections
// and the process managers in their services, all talking through Kafka.

let pipeline: Pipeline;
let customersUrl: string;
let ordersUrl: string;
let tenantId: string;
const headers = () => ({ 'x-tenant-id': tenantId, 'x-user-id': 'e2e' });

const ok = (response: HttpResponse, what: string): Record<string, unknown> => {
  if (response.status >= 300) throw new Error(`${what}: ${response.status} ${response.text}`);
  return response.body as Record<string, unknown>;
};
const post = async (baseUrl: string, path: string, body: unknown = {}) => ok(await send(baseUrl, 'POST', path, { headers: headers(), body }), `POST ${path}`);
const get = (baseUrl: string, path: string) => send(baseUrl, 'GET', path, { headers: headers() });

let customerId: string;
let wonDeal: string;
let openDeal: string;

beforeAll(async () => {
  pipeline = await startPipeline('contexts');
  tenantId = `acme-${pipeline.run}`;
  customersUrl = await pipeline.startService('customers-service');
  ordersUrl = await pipeline.startService('orders-service');
  await pipeline.startRelay();
  await pipeline.startProjections();

  ({ customerId } = (await post(customersUrl, '/api/v1/customers', {
    kind: 'company', name: 'Globex Corporation', region: 'emea', ownerId: 'rep-ana', sourceChannel: 'referral', emails: ['buyers@globex.example'],
  })) as { customerId: string });
  const deals = dealCommands(pipeline.apiUrl, tenantId);
  const terms = { customerId, ownerId: 'rep-ana', region: 'emea', productLine: 'crm-suite', sourceChannel: 'referral', amount: 1800 };
  wonDeal = (await deals.open(terms, 'Globex: CRM suite')).opportunityId;
  await deals.moveTo(wonDeal, 'qualified');
  await deals.win(wonDeal, 2400);
  openDeal = (await deals.open({ ...terms, amount: 600 }, 'Globex: add-on')).opportunityId;
  await deals.moveTo(openDeal, 'proposal');
}, 10 * 60_000);

afterAll(async () => {
  await pipeline?.close();
});

describe('contexts through Kafka: opportunities → orders → customers', () => {
  const draftedOrderId = () => wonOpportunityOrderId(tenantId, wonDeal);

  it('drafts an order for the won deal through Kafka (orders-service process manager, state in MongoDB)', async () => {
    const order = await pollUntil(async () => get(ordersUrl, `/api/v1/orders/${draftedOrderId()}`), {
      until: (response) => response.status === 200, timeoutMs: 3 * 60_000, description: 'the drafted order',
    });
    expect(order.body).toMatchObject({
      orderId: draftedOrderId(), customerId, opportunityId: wonDeal, status: 'drafted', total: { amount: 2400, currency: 'EUR' },
      lines: [{ productId: 'crm-suite', description: 'Globex: CRM suite', quantity: 1 }],
    });
  });

  it("judges the customer's value segment from the payment through Kafka (customers-service process manager)", async () => {
    await post(ordersUrl, `/api/v1/orders/${draftedOrderId()}/confirmation`);
    await post(ordersUrl, `/api/v1/orders/${draftedOrderId()}/payments`, { amount: { amount: 2400, currency: 'EUR' }, method: 'transfer' });
    const customer = await pollUntil(async () => ok(await get(customersUrl, `/api/v1/customers/${customerId}`), 'GET customer'), {
      until: (body) => (body.valueSegment as { segment: string | null }).segment !== null, timeoutMs: 3 * 60_000, description: 'a value segment',
    });
    expect(customer.valueSegment).toMatchObject({ segment: 'C', purchaseCount: 1, orders: [{ orderId: draftedOrderId(), netValue: { amount: 2400, currency: 'EUR' } }] });
  });
});

describe('customer 360 and segments over MongoDB (projections process, customers-service read side)', () => {
  type Customer360 = Readonly<{
    openOpportunities: Array<{ opportunityId: string; stage: string }>;
    orders: Array<{ orderId: string; status: string; paid: { amount: number }; payments: unknown[] }>;
    lifetimeRevenue: Array<{ amount: number; currency: string }>;
    segment: { segment: string };
    timeline: { items: Array<{ type: string; kind: string }> };
  }>;

  it('shows the open deal, the paid order, the lifetime revenue and one timeline across the three contexts', async () => {
    const view = await pollUntil(async () => ok(await get(customersUrl, `/api/v1/customers/${customerId}/360`), 'GET 360') as Customer360, {
      // The profile's segment and the timeline come from two read models (customer-list, customer-activity)
      // whose consumers catch up independently: wait until the timeline has the segment change too.
      until: (body) =>
        body.segment.segment === 'C' && body.orders[0]?.payments.length === 1 && body.timeline.items.some((item) => item.type === 'CustomerValueSegmentChanged'),
      timeoutMs: 3 * 60_000,
      description: 'the paid order and the segment change in the 360',
    });
    expect(view.openOpportunities.map((o) => [o.opportunityId, o.stage])).toEqual([[openDeal, 'proposal']]);
    expect(view.orders).toMatchObject([{ orderId: wonOpportunityOrderId(tenantId, wonDeal), status: 'confirmed', paid: { amount: 2400 } }]);
    expect(view.lifetimeRevenue).toEqual([{ amount: 2400, currency: 'EUR' }]);
    const types = view.timeline.items.map((item) => `${item.kind}:${item.type}`);
    for (const expected of [
      'customer:CustomerRegistered', 'opportunity:OpportunityOpened', 'opportunity:OpportunityWon', 'order:OrderDraftedFromOpportunity',
      'order:OrderConfirmed', 'order:PaymentReceived', 'customer:CustomerValueSegmentChanged',
    ]) expect(types).toContain(expected);
  });

  it("counts the tenant's customers per segment and lists the members", async () => {
    const distribution = ok(await get(customersUrl, '/api/v1/customers/segments'), 'GET segments') as { segments: Array<{ segment: string; customers: number }> };
    expect(distribution.segments.map((s) => [s.segment, s.customers])).toEqual([['A', 0], ['B', 0], ['C', 1], ['D', 0], ['E', 0]]);
    const members = ok(await get(customersUrl, '/api/v1/customers/segments/C/customers'), 'GET members') as { items: Array<{ customerId: string }> };
    expect(members.items.map((m) => m.customerId)).toEqual([customerId]);
  });
});
