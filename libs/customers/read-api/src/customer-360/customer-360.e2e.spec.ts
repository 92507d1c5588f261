import type { TestHost } from '@meridian/platform/testing';
import { pollUntil, startTestHost } from '@meridian/platform/testing';
import {
  command, customerBody, fieldsOf, getWithoutFollowing, paidOrder, problemJson, qualifiedDeal, registerCustomer, tenantA, tenantB, withPosition,
} from '../testing/customer-read-fixtures';
import { customerReadInProcessHost } from '../testing/customer-read.test-host';

type TimelineItem = { kind: string; type: string; customerId: string; eventId: string };
type Timeline = { items: TimelineItem[]; next: string | null };
type View = {
  customerId: string;
  lineage: { absorbed: string[]; customerIds: string[] };
  openOpportunities: { name: string; stage: string; customerId: string }[];
  orders: { customerId: string; netPaid: { amount: number; currency: string } }[];
  lifetimeRevenue: { amount: number; currency: string }[];
  lastInteraction: { summary: string; customerId: string } | null;
  segment: { segment: string; purchaseCount: number; averageOrderValue: { amount: number; currency: string } | null };
  timeline: Timeline;
};

let host: TestHost;

beforeAll(async () => {
  host = await startTestHost(customerReadInProcessHost, 'memory:', { READ_WAIT_MAX_MS: '2000' });
});

afterAll(() => host?.close());

const view360 = async (customerId: string, position: number): Promise<View> => {
  const response = await host.request('GET', `/api/v1/customers/${customerId}/360?minPosition=${position}`, { headers: tenantA });
  expect(response.status).toBe(200);
  return response.body as View;
};

const sourcesOf = (timeline: Timeline) => new Set(timeline.items.map((item) => `${item.customerId}:${item.kind}`));

describe('customer 360 and timeline (in-process read side)', () => {
  let survivor: string;
  let absorbed: string;
  let merged: number;

  it("shows the customer's deals and orders next to its own events, reading its own writes", async () => {
    survivor = (await registerCustomer(host, customerBody('Northwind Traders'))).customerId;
    await qualifiedDeal(host, survivor, 'Northwind: 50 seats');
    const position = await paidOrder(host, { customerId: survivor, amount: 400 });

    const view = await view360(survivor, position);
    expect(view.openOpportunities).toEqual([expect.objectContaining({ name: 'Northwind: 50 seats', stage: 'qualified', customerId: survivor })]);
    expect(view.orders).toEqual([expect.objectContaining({ customerId: survivor, netPaid: { amount: 400, currency: 'EUR' } })]);
    expect(view.lifetimeRevenue).toEqual([{ amount: 400, currency: 'EUR' }]);
    expect(sourcesOf(view.timeline)).toEqual(new Set([`${survivor}:customer`, `${survivor}:opportunity`, `${survivor}:order`]));
    expect(view.timeline.items.map((item) => item.type)).toEqual(expect.arrayContaining(['OpportunityOpened', 'OpportunityStageChanged', 'OrderPlaced', 'PaymentReceived']));

    // The order-value process manager judges the payment on its own time; its segment change joins the timeline (at the payment's time).
    const judged = await pollUntil(() => view360(survivor, position), { timeoutMs: 10_000, until: (v) => v.segment.segment === 'B', description: 'segment B' });
    expect(judged.segment).toEqual({ segment: 'B', purchaseCount: 1, averageOrderValue: { amount: 400, currency: 'EUR' } });
    expect(judged.timeline.items.map((item) => item.type)).toContain('CustomerValueSegmentChanged');
  });

  it('after a merge, shows the absorbed customer’s deals, orders and interactions in the survivor’s 360 and timeline', async () => {
    absorbed = (await registerCustomer(host, customerBody('Northwind Trading Ltd'))).customerId;
    await qualifiedDeal(host, absorbed, 'Northwind Ltd: pilot');
    await paidOrder(host, { customerId: absorbed, amount: 90, currency: 'USD' });
    await command(host, 'POST', `/api/v1/customers/${absorbed}/interactions`, { interactionId: 'visit-1', kind: 'visit', occurredAt: new Date().toISOString(), summary: 'Site visit' });
    merged = await command(host, 'POST', `/api/v1/customers/${survivor}/merges`, { mergedCustomerId: absorbed, reason: 'duplicate' });

    const view = await view360(survivor, merged);
    expect(view.lineage).toEqual({ absorbed: [absorbed], customerIds: [survivor, absorbed] });
    expect(view.openOpportunities.map((deal) => deal.customerId).sort()).toEqual([survivor, absorbed].sort());
    expect(view.orders.map((order) => order.customerId).sort()).toEqual([survivor, absorbed].sort());
    expect(view.lifetimeRevenue).toEqual([{ amount: 400, currency: 'EUR' }, { amount: 90, currency: 'USD' }]);
    expect(view.lastInteraction).toMatchObject({ summary: 'Site visit', customerId: absorbed });

    const timeline = (await host.request('GET', `/api/v1/customers/${survivor}/timeline?limit=200&minPosition=${merged}`, { headers: tenantA })).body as Timeline;
    expect(sourcesOf(timeline)).toEqual(new Set([
      `${survivor}:customer`, `${survivor}:opportunity`, `${survivor}:order`, `${absorbed}:customer`, `${absorbed}:opportunity`, `${absorbed}:order`,
    ]));
    expect(timeline.next).toBeNull();
  });

  it('pages the timeline with the next cursor: no overlap, nothing skipped, the same order', async () => {
    for (const day of [1, 2, 3, 4, 5]) {
      merged = await command(host, 'POST', `/api/v1/customers/${survivor}/interactions`, { kind: 'call', occurredAt: `2026-01-0${day}T09:00:00Z`, summary: `Call ${day}` });
    }
    const all = ((await host.request('GET', `/api/v1/customers/${survivor}/timeline?limit=200&minPosition=${merged}`, { headers: tenantA })).body as Timeline).items;
    expect(all.length).toBeGreaterThan(20);
    const paged: TimelineItem[] = [];
    let next: string | null = null;
    do {
      const query: string = next === null ? 'limit=4' : `limit=4&before=${encodeURIComponent(next)}`;
      const page = (await host.request('GET', `/api/v1/customers/${survivor}/timeline?${query}`, { headers: tenantA })).body as Timeline;
      expect(page.items.length).toBeLessThanOrEqual(4);
      paged.push(...page.items);
      next = page.next;
    } while (next !== null);
    expect(paged.map((item) => item.eventId)).toEqual(all.map((item) => item.eventId));
    const first360 = await view360(survivor, merged);
    expect(first360.timeline.items.map((item) => item.eventId)).toEqual(all.slice(0, 20).map((item) => item.eventId));
    expect(first360.timeline.next).not.toBeNull();
  });

  it('answers a merged-away id with 307 to the survivor’s 360 or timeline, keeping the query', async () => {
    const redirect = await getWithoutFollowing(host, `/api/v1/customers/${absorbed}/360?minPosition=${merged}`);
    const location = `/api/v1/customers/${survivor}/360?minPosition=${merged}`;
    expect(redirect).toEqual({ status: 307, location, body: { customerId: absorbed, mergedInto: survivor, location } });
    const timeline = await getWithoutFollowing(host, `/api/v1/customers/${absorbed.toUpperCase()}/timeline?limit=2`);
    expect([timeline.status, timeline.location]).toEqual([307, `/api/v1/customers/${survivor}/timeline?limit=2`]);
    const followed = await host.request('GET', `/api/v1/customers/${absorbed}/360`, { headers: tenantA });
    expect((followed.body as View).customerId).toBe(survivor);
  });

  it('answers 404 problem+json for an id unknown to the tenant, 400 for a malformed id, cursor or parameter', async () => {
    for (const path of ['/api/v1/customers/00000000-0000-4000-8000-000000000000/360', `/api/v1/customers/${survivor}/timeline`]) {
      const unknown = await host.request('GET', path, { headers: tenantB });
      expect([unknown.status, (unknown.body as { code: string }).code]).toEqual([404, 'not-found']);
      expect(unknown.headers.get('content-type')).toContain(problemJson);
    }
    const malformed = await host.request('GET', '/api/v1/customers/northwind/360', { headers: tenantA });
    expect([malformed.status, fieldsOf(malformed.body)]).toEqual([400, ['path:customerId']]);
    const cursor = await host.request('GET', `/api/v1/customers/${survivor}/timeline?before=yesterday&limit=0`, { headers: tenantA });
    expect([cursor.status, fieldsOf(cursor.body)]).toEqual([400, ['query:before', 'query:limit']]);
    const extra = await host.request('GET', `/api/v1/customers/${survivor}/360?timelineLimit=5`, { headers: tenantA });
    expect([extra.status, fieldsOf(extra.body)]).toEqual([400, ['query:timelineLimit']]);
  });

  it('answers 409 at once for a position the event store never handed out (a lag would be 503 after the bound)', async () => {
    const response = await host.request('GET', `/api/v1/customers/${survivor}/360`, { headers: withPosition((await host.store.headPosition()) + 1) });
    expect([response.status, (response.body as { code: string }).code]).toEqual([409, 'position-not-issued']);
  });
});
