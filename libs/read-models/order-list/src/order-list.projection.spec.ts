import type { ConsumedEvent } from '@meridian/platform/kafka';
import { projectAll } from '@meridian/platform/projections';
import type { OrderListItem } from './order-list.projection';
import { UnknownOrderEvent, orderListProjection } from './order-list.projection';
import { at, consumed, eur, placedPayload } from './testing/order-events';

const id = 'ord-1';
const streamId = `order-${id}`;
const base = { orderId: id, customerId: 'cus-1' };

/** Given these events were projected, when these arrive, then the list holds… */
const given = (...history: ConsumedEvent[]) => ({
  when: (...events: ConsumedEvent[]) => ({
    then: (expected: OrderListItem | null) => {
      const before = projectAll(orderListProjection, history);
      expect(projectAll(orderListProjection, events, before).get(streamId) ?? null).toEqual(expected);
    },
  }),
});

const placed = consumed('OrderPlaced', placedPayload(id, { placedAt: '2026-03-01T10:30:00+01:00' }), { revision: 0, position: 10 });
const confirmed = consumed('OrderConfirmed', { ...base, total: eur(759.95), confirmedAt: '2026-03-02T08:00:00.000Z' }, { revision: 1, position: 14 });
const paid = consumed('PaymentReceived', {
  ...base, paymentId: 'psp-1', amount: eur(500), paidToDate: eur(500), outstanding: eur(259.95), netPaid: eur(500), method: 'card', receivedAt: '2026-03-03T08:00:00.000Z',
}, { revision: 2, position: 20 });
const refunded = consumed('OrderRefunded', {
  ...base, refundId: 'rma-1', amount: eur(120.5), refundedToDate: eur(120.5), netPaid: eur(379.5), reason: 'Damaged', refundedAt: '2026-03-04T08:00:00.000Z',
}, { revision: 3, position: 25 });

const listed: OrderListItem = {
  tenantId: 'tenant-a', orderId: id, customerId: 'cus-1', opportunityId: null, status: 'placed', origin: 'placed', currency: 'EUR',
  total: 759.95, paid: 0, refunded: 0, netPaid: 0, outstanding: 759.95,
  placedAt: '2026-03-01T09:30:00.000Z', updatedAt: '2026-03-01T09:30:00.000Z', streamRevision: 0, lastPosition: 10,
};
const afterRefund: OrderListItem = {
  ...listed, status: 'confirmed', paid: 500, refunded: 120.5, netPaid: 379.5, outstanding: 259.95,
  updatedAt: '2026-03-04T08:00:00.000Z', streamRevision: 3, lastPosition: 25,
};

describe('order list projection', () => {
  it('lists a placed order with every column, its instant in UTC', () => {
    given().when(placed).then(listed);
  });

  it('keeps the opportunity an order was placed for', () => {
    const forDeal = consumed('OrderPlaced', placedPayload(id, { opportunityId: 'opp-7' }), { revision: 0 });
    given().when(forDeal).then({ ...listed, opportunityId: 'opp-7', placedAt: at, updatedAt: at, lastPosition: 1 });
  });

  it('lists a drafted order as drafted, with its opportunity and drafting time', () => {
    const drafted = consumed('OrderDraftedFromOpportunity', {
      ...base, opportunityId: 'opp-9', currency: 'USD', total: { amount: 1800, currency: 'USD' }, draftedAt: '2026-04-02T10:00:00.000Z',
      lines: [{ lineId: 'won-1', productId: 'analytics', description: 'Won', quantity: 1, unitPrice: { amount: 1800, currency: 'USD' } }],
    }, { revision: 0, position: 3 });
    given().when(drafted).then({
      ...listed, opportunityId: 'opp-9', status: 'drafted', origin: 'drafted', currency: 'USD', total: 1800, outstanding: 1800,
      placedAt: '2026-04-02T10:00:00.000Z', updatedAt: '2026-04-02T10:00:00.000Z', lastPosition: 3,
    });
  });

  it('confirms, then takes the running totals from payments and refunds (outstanding = total − paid, exact in cents)', () => {
    given(placed).when(confirmed).then({ ...listed, status: 'confirmed', updatedAt: '2026-03-02T08:00:00.000Z', streamRevision: 1, lastPosition: 14 });
    given(placed, confirmed).when(paid).then({
      ...listed, status: 'confirmed', paid: 500, netPaid: 500, outstanding: 259.95, updatedAt: '2026-03-03T08:00:00.000Z', streamRevision: 2, lastPosition: 20,
    });
    given(placed, confirmed, paid).when(refunded).then(afterRefund);
  });

  it('a second payment and refund replace the figures with their absolute totals', () => {
    const second = consumed('PaymentReceived', {
      ...base, paymentId: 'psp-2', amount: eur(259.95), paidToDate: eur(759.95), outstanding: eur(0), netPaid: eur(639.45), method: 'transfer', receivedAt: '2026-03-05T08:00:00.000Z',
    }, { revision: 4, position: 30 });
    const back = consumed('OrderRefunded', {
      ...base, refundId: 'rma-2', amount: eur(639.45), refundedToDate: eur(759.95), netPaid: eur(0), reason: 'Returned', refundedAt: '2026-03-06T08:00:00.000Z',
    }, { revision: 5, position: 31 });
    given(placed, confirmed, paid, refunded).when(second, back).then({
      ...afterRefund, paid: 759.95, refunded: 759.95, netPaid: 0, outstanding: 0, updatedAt: '2026-03-06T08:00:00.000Z', streamRevision: 5, lastPosition: 31,
    });
  });

  it('cancels, keeping the figures', () => {
    const cancelled = consumed('OrderCancelled', { ...base, reason: 'Changed mind', cancelledAt: '2026-03-02T12:00:00.000Z' }, { revision: 1, position: 16 });
    given(placed).when(cancelled).then({ ...listed, status: 'cancelled', updatedAt: '2026-03-02T12:00:00.000Z', streamRevision: 1, lastPosition: 16 });
  });

  it('the same events twice change nothing (redelivery, or a replay from the start)', () => {
    const once = projectAll(orderListProjection, [placed, confirmed, paid, refunded]);
    expect(projectAll(orderListProjection, [placed, confirmed, paid, refunded], once)).toEqual(once);
    given(placed, confirmed, paid).when(paid, paid, refunded, refunded).then(afterRefund);
  });

  it('ignores an older event of the stream arriving after a newer one', () => {
    given(placed, confirmed, paid, refunded).when(paid, confirmed, placed).then(afterRefund);
    // A late payment does not undo a refund's figures.
    given(placed, confirmed, refunded).when(paid).then({ ...afterRefund, paid: 0, netPaid: -120.5, outstanding: 759.95 });
  });

  it('keeps no document for an order whose placement it never saw', () => {
    given().when(confirmed, paid).then(null);
  });

  it('refuses an event type it does not know, so the runtime dead-letters it', () => {
    const unknown: ConsumedEvent = { ...confirmed, type: 'crm.orders.OrderConfirmed.v2' };
    expect(() => projectAll(orderListProjection, [placed, unknown])).toThrow(UnknownOrderEvent);
  });

  it('leaves events of other streams alone', () => {
    expect(orderListProjection.documentIdOf({ ...placed, streamId: 'opportunity-1' })).toBeUndefined();
    expect(orderListProjection.documentIdOf(placed)).toBe(streamId);
  });
});
