import type { Instant, MinorUnits, OrderLine, OrderStatus, PaymentMethod } from './order.values';

export type RecordedPayment = Readonly<{ paymentId: string; amount: MinorUnits; method: PaymentMethod; receivedAt: Instant }>;
export type RecordedRefund = Readonly<{ refundId: string; amount: MinorUnits; reason: string; refundedAt: Instant }>;

/** Amounts are integer hundredths of `currency` (see MinorUnits); the events carry major units. */
export type OrderDetails = Readonly<{
  orderId: string;
  customerId: string;
  status: OrderStatus;
  /** How the order started: placed by a person, or drafted from a won opportunity. */
  origin: 'placed' | 'drafted';
  currency: string;
  lines: readonly OrderLine[];
  total: MinorUnits;
  opportunityId?: string;
  createdAt: Instant;
  confirmedAt?: Instant;
  cancelledAt?: Instant;
  cancellationReason?: string;
  /** Every payment received, refunds not deducted. */
  paid: MinorUnits;
  refunded: MinorUnits;
  payments: readonly RecordedPayment[];
  refunds: readonly RecordedRefund[];
}>;

export type OrderState = Readonly<{ status: 'absent' }> | OrderDetails;
export type PresentOrder = OrderDetails;

export const initialOrderState: OrderState = { status: 'absent' };

/** Refunds do not reopen the balance: what is still due is the total less every payment. */
export const outstandingOf = (order: OrderDetails): MinorUnits => order.total - order.paid;

/** What the customer has paid and kept: payments less refunds. */
export const netPaidOf = (order: OrderDetails): MinorUnits => order.paid - order.refunded;

export const isPresent = (state: OrderState): state is OrderDetails => state.status !== 'absent';
