import type { ConsumedEvent } from '@meridian/platform/kafka';
import { projectAll } from '@meridian/platform/projections';
import type { CustomerActivityDocument, OrderActivity } from './customer-activity.model';
import { customerActivityProjection } from './customer-activity.projection';
import { UnknownActivityEvent } from './customer-activity.entries';
import { at, consumedAs, eur, orderLine, orderStream } from './testing/activity-events';

const streamId = 'order-r1';
const r = orderStream('r1', 'c1');

const given = (...history: ConsumedEvent[]) => ({
  when: (...events: ConsumedEvent[]) => ({
    then: (expected: CustomerActivityDocument | null) => {
      const before = projectAll(customerActivityProjection, history);
      expect(projectAll(customerActivityProjection, events, before).get(streamId) ?? null).toEqual(expected);
    },
  }),
});

const placed = r('OrderPlaced', { currency: 'EUR', lines: [orderLine(100.1), { ...orderLine(0.2), lineId: 'l2' }], total: eur(100.3), placedAt: '2026-03-01T08:00:00-02:00' });
const confirmed = r('OrderConfirmed', { total: eur(100.3), confirmedAt: at });
const paid = r('PaymentReceived', { paymentId: 'p1', amount: eur(60.1), paidToDate: eur(60.1), outstanding: eur(40.2), netPaid: eur(60.1), method: 'card', receivedAt: '2026-03-03T12:00:00Z' });
const paidRest = r('PaymentReceived', { paymentId: 'p2', amount: eur(40.2), paidToDate: eur(100.3), outstanding: eur(0), netPaid: eur(100.3), method: 'transfer', receivedAt: '2026-03-04T12:00:00Z' });

const placedDocument: OrderActivity = {
  tenantId: 'tenant-a', sourceStreamId: streamId, kind: 'order', customerId: 'c1',
  summary: {
    orderId: 'r1', status: 'placed', currency: 'EUR', totalMinor: 10030, paidMinor: 0, refundedMinor: 0, opportunityId: null,
    createdAt: '2026-03-01T10:00:00.000Z', lastPaymentAt: null, payments: [], refunds: [],
  },
  entries: [{ at: '2026-03-01T10:00:00.000Z', type: 'OrderPlaced', summary: 'Order placed: 2 lines, 100.30 EUR', eventId: placed.eventId, position: 200 }],
  truncated: 0, streamRevision: 0, lastPosition: 200,
};

describe('customer activity: order streams', () => {
  it('files a placed order under its customer, money in exact minor units', () => {
    given().when(placed).then(placedDocument);
  });

  it('the same event twice changes nothing', () => {
    const once = projectAll(customerActivityProjection, [placed, confirmed, paid]);
    expect(projectAll(customerActivityProjection, [paid, confirmed, placed], once)).toEqual(once);
  });

  it('confirms, then takes payments from the running totals, keeping each payment once', () => {
    const document = projectAll(customerActivityProjection, [placed, confirmed, paid, paidRest]).get(streamId);
    expect(document?.summary).toEqual({
      ...placedDocument.summary, status: 'confirmed', paidMinor: 10030, lastPaymentAt: '2026-03-04T12:00:00.000Z',
      payments: [
        { paymentId: 'p1', amountMinor: 6010, method: 'card', receivedAt: '2026-03-03T12:00:00.000Z' },
        { paymentId: 'p2', amountMinor: 4020, method: 'transfer', receivedAt: '2026-03-04T12:00:00.000Z' },
      ],
    });
    expect(document?.entries.map((e) => e.summary)).toEqual([
      'Order placed: 2 lines, 100.30 EUR',
      'Order confirmed: 100.30 EUR',
      'Payment of 60.10 EUR by card; outstanding 40.20 EUR',
      'Payment of 40.20 EUR by transfer; outstanding 0.00 EUR',
    ]);
  });

  it('records refunds from refundedToDate and lists each refund', () => {
    const refund = r('OrderRefunded', { refundId: 'f1', amount: eur(0.3), refundedToDate: eur(0.3), netPaid: eur(100), reason: 'damaged', refundedAt: at });
    const document = projectAll(customerActivityProjection, [placed, confirmed, paid, paidRest, refund]).get(streamId);
    expect(document?.summary).toMatchObject({ paidMinor: 10030, refundedMinor: 30, refunds: [{ refundId: 'f1', amountMinor: 30, reason: 'damaged', refundedAt: at }] });
    expect(document?.entries.at(-1)).toMatchObject({ type: 'OrderRefunded', summary: 'Refund of 0.30 EUR: damaged' });
  });

  it('marks a cancelled order', () => {
    const cancelled = r('OrderCancelled', { reason: 'customer changed mind', cancelledAt: at });
    given(placed).when(cancelled).then({
      ...placedDocument, summary: { ...placedDocument.summary, status: 'cancelled' },
      entries: [...placedDocument.entries, { at, type: 'OrderCancelled', summary: 'Order cancelled: customer changed mind', eventId: cancelled.eventId, position: cancelled.globalPosition }],
      streamRevision: cancelled.streamRevision, lastPosition: cancelled.globalPosition,
    });
  });

  it('drafts an order from a won opportunity, linked to it', () => {
    const d = orderStream('r2', 'c1');
    const drafted = d('OrderDraftedFromOpportunity', { opportunityId: 'o1', currency: 'USD', lines: [orderLine(1800, 'USD')], total: { amount: 1800, currency: 'USD' }, draftedAt: at });
    expect(projectAll(customerActivityProjection, [drafted]).get('order-r2')).toMatchObject({
      kind: 'order', customerId: 'c1', summary: { status: 'drafted', opportunityId: 'o1', totalMinor: 180000, currency: 'USD', createdAt: at },
      entries: [{ type: 'OrderDraftedFromOpportunity', summary: 'Order drafted from a won opportunity: 1,800.00 USD' }],
    });
  });

  it('keeps no document for an order whose placing it never saw', () => {
    given().when(confirmed, paid).then(null);
  });

  it('refuses an event type it does not know', () => {
    const unknown = consumedAs('crm.orders.OrderConfirmed.v7', confirmed.payload, { streamId, revision: 1 });
    expect(() => projectAll(customerActivityProjection, [placed, unknown])).toThrow(UnknownActivityEvent);
  });
});
