import type { DomainEvent } from '@meridian/platform/eventsourcing';
import type { Instant, Money, OrderLine, PaymentMethod } from './order.values';

// Every event carries orderId and customerId, so a consumer (customer 360,
// value segments) can file it under its customer without keeping state.
// Running totals (paidToDate, outstanding, refundedToDate, netPaid) are
// absolute, so applying an event twice cannot count it twice.

export type OrderPlaced = DomainEvent<'OrderPlaced', {
  orderId: string;
  customerId: string;
  currency: string;
  lines: readonly OrderLine[];
  total: Money;
  opportunityId?: string;
  placedAt: Instant;
}>;

export type OrderDraftedFromOpportunity = DomainEvent<'OrderDraftedFromOpportunity', {
  orderId: string;
  customerId: string;
  opportunityId: string;
  currency: string;
  lines: readonly OrderLine[];
  total: Money;
  draftedAt: Instant;
}>;

export type OrderConfirmed = DomainEvent<'OrderConfirmed', {
  orderId: string;
  customerId: string;
  total: Money;
  confirmedAt: Instant;
}>;

export type PaymentReceived = DomainEvent<'PaymentReceived', {
  orderId: string;
  customerId: string;
  paymentId: string;
  amount: Money;
  paidToDate: Money;
  outstanding: Money;
  /** paidToDate − refunds so far: the order's net value after this payment. */
  netPaid: Money;
  method: PaymentMethod;
  receivedAt: Instant;
}>;

export type OrderRefunded = DomainEvent<'OrderRefunded', {
  orderId: string;
  customerId: string;
  refundId: string;
  amount: Money;
  refundedToDate: Money;
  netPaid: Money;
  reason: string;
  refundedAt: Instant;
}>;

export type OrderCancelled = DomainEvent<'OrderCancelled', {
  orderId: string;
  customerId: string;
  reason: string;
  cancelledAt: Instant;
}>;

export type OrderEvent =
  | OrderPlaced
  | OrderDraftedFromOpportunity
  | OrderConfirmed
  | PaymentReceived
  | OrderRefunded
  | OrderCancelled;

export const orderEventTypes = [
  'OrderPlaced',
  'OrderDraftedFromOpportunity',
  'OrderConfirmed',
  'PaymentReceived',
  'OrderRefunded',
  'OrderCancelled',
] as const satisfies readonly OrderEvent['type'][];
