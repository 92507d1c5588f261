import { projectAll } from '@meridian/platform/projections';
import { lastInteraction, lifetimeRevenue, moneyOf, openOpportunities, ordersWithPayments } from './customer-activity.assembly';
import type { CustomerActivityDocument, CustomerRecordActivity } from './customer-activity.model';
import { customerActivityProjection } from './customer-activity.projection';
import { at, eur, opportunityStream, orderLine, orderStream } from './testing/activity-events';

const opened = (id: string, customerId: string, expectedCloseDate: string, stream = opportunityStream(id)) =>
  stream('OpportunityOpened', {
    customerId, name: `Deal ${id}`, ownerId: 'rep-ana', amount: eur(1000), expectedCloseDate, sourceChannel: 'webinar',
    productLine: 'analytics', region: 'emea', stage: 'lead', openedAt: at,
  });

/** An order placed, confirmed and paid with these payments (running totals computed here, as the order context does). */
const paidOrder = (id: string, customerId: string, total: number, payments: readonly number[], currency = 'EUR', refund = 0) => {
  const r = orderStream(id, customerId);
  const money = (amount: number) => ({ amount, currency });
  const events = [
    r('OrderPlaced', { currency, lines: [orderLine(total, currency)], total: money(total), placedAt: `2026-03-0${payments.length + 1}T09:00:00.000Z` }),
    r('OrderConfirmed', { total: money(total), confirmedAt: at }),
  ];
  let paid = 0;
  payments.forEach((amount, index) => {
    paid = Math.round((paid + amount) * 100) / 100;
    events.push(r('PaymentReceived', { paymentId: `${id}-p${index}`, amount: money(amount), paidToDate: money(paid), outstanding: money(Math.round((total - paid) * 100) / 100), netPaid: money(paid), method: 'card', receivedAt: at }));
  });
  if (refund > 0) events.push(r('OrderRefunded', { refundId: `${id}-f`, amount: money(refund), refundedToDate: money(refund), netPaid: money(Math.round((paid - refund) * 100) / 100), reason: 'goodwill', refundedAt: at }));
  return events;
};

const customerRecord = (customerId: string, interaction: CustomerRecordActivity['summary']['lastInteraction']): CustomerRecordActivity => ({
  tenantId: 'tenant-a', sourceStreamId: `customer-${customerId}`, kind: 'customer', customerId, entries: [], truncated: 0, streamRevision: 1, lastPosition: 1,
  summary: { name: customerId, mergedInto: null, absorbed: [], lastInteraction: interaction },
});

const partsOf = (...streams: Parameters<typeof projectAll>[1][]): CustomerActivityDocument[] =>
  [...projectAll(customerActivityProjection, streams.flat()).values()];

describe('customer 360 assembly', () => {
  it('sums paid minus refunded per currency, exactly (0.1 + 0.2 is 0.30)', () => {
    const parts = partsOf(
      paidOrder('r1', 'c1', 0.3, [0.1, 0.2]),
      paidOrder('r2', 'c2', 1000, [999.99], 'EUR', 0.99),
      paidOrder('r3', 'c1', 50, [50], 'USD'),
      paidOrder('r4', 'c1', 70, []),
    );
    expect(lifetimeRevenue(parts)).toEqual([{ amount: 999.3, currency: 'EUR' }, { amount: 50, currency: 'USD' }]);
    expect(lifetimeRevenue([])).toEqual([]);
  });

  it('gives orders with their payments and refunds in major units, newest first', () => {
    const [newest, older] = ordersWithPayments(partsOf(paidOrder('r1', 'c1', 0.3, [0.1, 0.2]), paidOrder('r2', 'c2', 10, [10], 'EUR', 2.5)));
    expect(newest).toEqual({
      orderId: 'r1', customerId: 'c1', status: 'confirmed', total: eur(0.3), paid: eur(0.3), refunded: eur(0), netPaid: eur(0.3),
      opportunityId: null, createdAt: '2026-03-03T09:00:00.000Z', lastPaymentAt: at,
      payments: [{ paymentId: 'r1-p0', amount: eur(0.1), method: 'card', receivedAt: at }, { paymentId: 'r1-p1', amount: eur(0.2), method: 'card', receivedAt: at }],
      refunds: [],
    });
    expect(older).toMatchObject({ orderId: 'r2', paid: eur(10), refunded: eur(2.5), netPaid: eur(7.5), refunds: [{ refundId: 'r2-f', amount: eur(2.5) }] });
  });

  it('lists only open opportunities, soonest expected close first', () => {
    const lost = opportunityStream('o3');
    const parts = partsOf(
      [opened('o1', 'c1', '2026-09-01')],
      [opened('o2', 'c2', '2026-05-01')],
      [opened('o3', 'c1', '2026-01-01', lost), lost('OpportunityLost', { fromStage: 'lead', reason: 'no budget', lostAt: at })],
    );
    expect(openOpportunities(parts).map((o) => [o.opportunityId, o.customerId, o.expectedCloseDate, o.amount])).toEqual([
      ['o2', 'c2', '2026-05-01', eur(1000)],
      ['o1', 'c1', '2026-09-01', eur(1000)],
    ]);
  });

  it('finds the interaction that occurred last across the lineage', () => {
    const call = { interactionId: 'i1', kind: 'call', occurredAt: '2026-03-02T00:00:00.000Z', summary: 'intro', contactId: null } as const;
    const visit = { interactionId: 'i2', kind: 'visit', occurredAt: '2026-03-05T00:00:00.000Z', summary: 'site visit', contactId: 'k1' } as const;
    expect(lastInteraction([customerRecord('c1', call), customerRecord('c2', visit), customerRecord('c3', null)])).toEqual({ ...visit, customerId: 'c2' });
    expect(lastInteraction([customerRecord('c3', null)])).toBeNull();
  });

  it('turns minor units back into major ones exactly', () => {
    expect([moneyOf(120010, 'EUR'), moneyOf(1, 'EUR'), moneyOf(99999999999, 'EUR'), moneyOf(-30, 'EUR')]).toEqual([
      eur(1200.1), eur(0.01), eur(999999999.99), eur(-0.3),
    ]);
  });
});
