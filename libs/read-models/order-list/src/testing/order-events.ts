import type { ConsumedEvent } from '@meridian/platform/kafka';
import type { OrderContractPayloads, OrderContractType } from '@meridian/orders/contracts';
import { orderContracts } from '@meridian/orders/contracts';

export const at = '2026-03-01T09:00:00.000Z';
export const eur = (amount: number) => ({ amount, currency: 'EUR' });

/** A consumed public order event, as the decoder would yield it. */
export const consumed = <T extends OrderContractType>(
  type: T,
  payload: OrderContractPayloads[T],
  envelope: Readonly<{ streamId?: string; revision: number; position?: number; tenantId?: string }>,
): ConsumedEvent => ({
  eventId: `e-${envelope.streamId ?? payload.orderId}-${envelope.revision}`,
  type: orderContracts[type].ceType,
  schemaVersion: 1,
  streamId: envelope.streamId ?? `order-${payload.orderId}`,
  streamRevision: envelope.revision,
  globalPosition: envelope.position ?? envelope.revision + 1,
  tenantId: envelope.tenantId ?? 'tenant-a',
  occurredAt: at,
  correlationId: 'corr',
  causationId: 'cause',
  payload,
  partition: 0,
  offset: String(envelope.revision),
});

export type PlacedOverrides = Partial<OrderContractPayloads['OrderPlaced']>;

/** One line, so `total` is the unit price: a total override keeps the payload consistent. */
export const placedPayload = (orderId: string, overrides: PlacedOverrides = {}): OrderContractPayloads['OrderPlaced'] => {
  const total = overrides.total ?? eur(759.95);
  return {
    orderId, customerId: 'cus-1', currency: total.currency, total, placedAt: at,
    lines: [{ lineId: 'line-1', productId: 'sku-1', description: 'Desk', quantity: 1, unitPrice: total }],
    ...overrides,
  };
};

/** One step of an order's history, for stores fed through the projection. */
export type OrderStep = (orderId: string, customerId: string) => Readonly<{ type: OrderContractType; payload: OrderContractPayloads[OrderContractType] }>;

export const placing = (overrides: PlacedOverrides) => (orderId: string): ReturnType<OrderStep> =>
  ({ type: 'OrderPlaced', payload: placedPayload(orderId, overrides) });

export const drafting = (opportunityId: string, total: number, draftedAt: string) => (orderId: string, customerId: string): ReturnType<OrderStep> => ({
  type: 'OrderDraftedFromOpportunity',
  payload: {
    orderId, customerId, opportunityId, currency: 'EUR', total: eur(total), draftedAt,
    lines: [{ lineId: 'won-1', productId: 'analytics', description: 'Won deal', quantity: 1, unitPrice: eur(total) }],
  },
});

export const confirming = (total: number, confirmedAt = at): OrderStep => (orderId, customerId) =>
  ({ type: 'OrderConfirmed', payload: { orderId, customerId, total: eur(total), confirmedAt } });

export const paying = (paymentId: string, amount: number, paidToDate: number, total: number, refundedToDate = 0, receivedAt = at): OrderStep => (orderId, customerId) => ({
  type: 'PaymentReceived',
  payload: {
    orderId, customerId, paymentId, amount: eur(amount), paidToDate: eur(paidToDate), outstanding: eur(Number((total - paidToDate).toFixed(2))),
    netPaid: eur(Number((paidToDate - refundedToDate).toFixed(2))), method: 'card', receivedAt,
  },
});

export const refunding = (refundId: string, amount: number, refundedToDate: number, paidToDate: number, refundedAt = at): OrderStep => (orderId, customerId) => ({
  type: 'OrderRefunded',
  payload: { orderId, customerId, refundId, amount: eur(amount), refundedToDate: eur(refundedToDate), netPaid: eur(Number((paidToDate - refundedToDate).toFixed(2))), reason: 'Damaged', refundedAt },
});

export const cancelling = (cancelledAt = at): OrderStep => (orderId, customerId) =>
  ({ type: 'OrderCancelled', payload: { orderId, customerId, reason: 'Changed mind', cancelledAt } });
