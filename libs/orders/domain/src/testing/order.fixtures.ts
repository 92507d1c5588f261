import type { OrderCommand } from '../order.commands';
import type { OrderCancelled, OrderConfirmed, OrderDraftedFromOpportunity, OrderPlaced, OrderRefunded, PaymentReceived } from '../order.events';
import type { Money, PaymentMethod } from '../order.values';

// Shared spec data: one realistic order whose total trips binary floating point
// (3 × 19.99 is 59.970000000000006 in doubles), plus builders for the facts specs start from.

export const orderId = 'ord-5b1e';
export const customerId = 'cust-acme';
export const streamId = `order-${orderId}`;
export const eur = (amount: number): Money => ({ amount, currency: 'EUR' });

export const placeOrder = {
  type: 'PlaceOrder',
  data: {
    orderId,
    customerId,
    currency: 'EUR',
    lines: [
      { lineId: 'line-1', productId: 'sku-desk', description: 'Standing desk', quantity: 2, unitPrice: eur(349.99) },
      { lineId: 'line-2', productId: 'sku-tray', description: 'Cable tray', quantity: 3, unitPrice: eur(19.99) },
      { lineId: 'line-3', productId: 'sku-clip', description: 'Cable clip', quantity: 1, unitPrice: eur(0.29) },
    ],
    placedAt: '2026-04-01T09:00:00.000Z',
  },
} as const satisfies OrderCommand;

/** 2 × 349.99 + 3 × 19.99 + 0.29 */
export const orderTotal = eur(760.24);

export const placed: OrderPlaced = {
  type: 'OrderPlaced',
  data: { ...placeOrder.data, total: orderTotal },
};

export const drafted: OrderDraftedFromOpportunity = {
  type: 'OrderDraftedFromOpportunity',
  data: {
    orderId,
    customerId,
    opportunityId: 'opp-7f3c',
    currency: 'EUR',
    lines: [{ lineId: 'line-1', productId: 'analytics', description: 'ACME analytics rollout', quantity: 1, unitPrice: eur(12500.5) }],
    total: eur(12500.5),
    draftedAt: '2026-05-20T15:00:00.000Z',
  },
};

export const confirmed = (total: Money = orderTotal): OrderConfirmed => ({
  type: 'OrderConfirmed',
  data: { orderId, customerId, total, confirmedAt: '2026-04-02T09:00:00.000Z' },
});

export const paymentReceived = (
  paymentId: string,
  amount: number,
  paidToDate: number,
  outstanding: number,
  method: PaymentMethod = 'card',
  netPaid: number = paidToDate,
): PaymentReceived => ({
  type: 'PaymentReceived',
  data: {
    orderId, customerId, paymentId, amount: eur(amount), paidToDate: eur(paidToDate), outstanding: eur(outstanding), netPaid: eur(netPaid), method,
    receivedAt: '2026-04-03T09:00:00.000Z',
  },
});

export const refunded = (refundId: string, amount: number, refundedToDate: number, netPaid: number, reason = 'Damaged in transit'): OrderRefunded => ({
  type: 'OrderRefunded',
  data: {
    orderId, customerId, refundId, amount: eur(amount), refundedToDate: eur(refundedToDate), netPaid: eur(netPaid), reason,
    refundedAt: '2026-04-04T09:00:00.000Z',
  },
});

export const cancelled = (reason = 'Customer withdrew'): OrderCancelled => ({
  type: 'OrderCancelled',
  data: { orderId, customerId, reason, cancelledAt: '2026-04-05T09:00:00.000Z' },
});
