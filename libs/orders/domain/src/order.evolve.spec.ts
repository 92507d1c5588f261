import type { OrderEvent } from './order.events';
import { evolve } from './order.evolve';
import type { OrderState } from './order.state';
import { initialOrderState, netPaidOf, outstandingOf } from './order.state';
import { cancelled, confirmed, customerId, drafted, orderId, paymentReceived, placeOrder, placed, refunded } from './testing/order.fixtures';

const fold = (events: readonly OrderEvent[]): OrderState => events.reduce(evolve, initialOrderState);

const placedOrder = {
  orderId, customerId, status: 'placed', origin: 'placed', currency: 'EUR', lines: placeOrder.data.lines, total: 76024,
  createdAt: '2026-04-01T09:00:00.000Z', paid: 0, refunded: 0, payments: [], refunds: [],
} as const;

describe('order evolve', () => {
  it('starts a placed order with its total in minor units and nothing paid', () => {
    expect(fold([placed])).toStrictEqual(placedOrder);
  });

  it('starts a drafted order remembering the opportunity it came from', () => {
    expect(fold([drafted])).toMatchObject({ status: 'drafted', origin: 'drafted', opportunityId: 'opp-7f3c', total: 1250050, createdAt: drafted.data.draftedAt });
  });

  it('keeps a hand-placed order\'s opportunity too', () => {
    const withDeal: OrderEvent = { type: 'OrderPlaced', data: { ...placed.data, opportunityId: 'opp-1' } };
    expect(fold([withDeal])).toMatchObject({ opportunityId: 'opp-1' });
  });

  it('tracks payments and refunds in minor units, from the absolute totals the events carry', () => {
    const state = fold([
      placed, confirmed(),
      paymentReceived('pay-1', 0.1, 0.1, 760.14),
      paymentReceived('pay-2', 0.2, 0.3, 759.94, 'cash'),
      refunded('ref-1', 0.29, 0.29, 0.01),
    ]);
    expect(state).toStrictEqual({
      ...placedOrder,
      status: 'confirmed',
      confirmedAt: '2026-04-02T09:00:00.000Z',
      paid: 30,
      refunded: 29,
      payments: [
        { paymentId: 'pay-1', amount: 10, method: 'card', receivedAt: '2026-04-03T09:00:00.000Z' },
        { paymentId: 'pay-2', amount: 20, method: 'cash', receivedAt: '2026-04-03T09:00:00.000Z' },
      ],
      refunds: [{ refundId: 'ref-1', amount: 29, reason: 'Damaged in transit', refundedAt: '2026-04-04T09:00:00.000Z' }],
    });
    if (state.status === 'absent') throw new Error('order expected');
    expect([outstandingOf(state), netPaidOf(state)]).toEqual([75994, 1]);
  });

  it('records a cancellation with its reason', () => {
    expect(fold([placed, cancelled('Duplicate order')])).toStrictEqual({
      ...placedOrder, status: 'cancelled', cancelledAt: '2026-04-05T09:00:00.000Z', cancellationReason: 'Duplicate order',
    });
  });

  it('ignores facts about an order that was never created instead of inventing one', () => {
    expect(fold([confirmed(), paymentReceived('pay-1', 1, 1, 0), cancelled()])).toStrictEqual({ status: 'absent' });
  });

  it('never mutates the state it is given', () => {
    const before = fold([placed, confirmed(), paymentReceived('pay-1', 1, 1, 759.24)]);
    const snapshot = structuredClone(before);
    evolve(before, paymentReceived('pay-2', 1, 2, 758.24));
    evolve(before, refunded('ref-1', 1, 1, 1));
    evolve(before, cancelled());
    expect(before).toStrictEqual(snapshot);
  });
});
