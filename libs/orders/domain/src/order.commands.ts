import type { Instant, Money, PaymentMethod } from './order.values';

/** A line as a command states it; the decider checks it and copies only these fields. */
export type OrderLineInput = Readonly<{
  lineId: string;
  productId: string;
  description: string;
  quantity: number;
  unitPrice: Money;
}>;

/** Every command names its time (`…At`) explicitly: the domain never reads a clock. */
export type PlaceOrder = Readonly<{
  type: 'PlaceOrder';
  data: {
    orderId: string;
    customerId: string;
    currency: string;
    lines: readonly OrderLineInput[];
    /** The deal this order closes, when a person places it by hand. */
    opportunityId?: string;
    placedAt: Instant;
  };
}>;

/** Sent by the won-opportunity process manager; see `draftOrderFromWonOpportunity`. */
export type DraftOrderFromOpportunity = Readonly<{
  type: 'DraftOrderFromOpportunity';
  data: {
    orderId: string;
    customerId: string;
    opportunityId: string;
    currency: string;
    lines: readonly OrderLineInput[];
    draftedAt: Instant;
  };
}>;

export type ConfirmOrder = Readonly<{
  type: 'ConfirmOrder';
  data: { orderId: string; confirmedAt: Instant };
}>;

export type RecordPayment = Readonly<{
  type: 'RecordPayment';
  data: {
    orderId: string;
    /** Chosen by the caller (or the payment provider): a repeat with the same id and amount changes nothing. */
    paymentId: string;
    amount: Money;
    method: PaymentMethod;
    receivedAt: Instant;
  };
}>;

export type RefundOrder = Readonly<{
  type: 'RefundOrder';
  data: { orderId: string; refundId: string; amount: Money; reason: string; refundedAt: Instant };
}>;

export type CancelOrder = Readonly<{
  type: 'CancelOrder';
  data: { orderId: string; reason: string; cancelledAt: Instant };
}>;

export type OrderCommand = PlaceOrder | DraftOrderFromOpportunity | ConfirmOrder | RecordPayment | RefundOrder | CancelOrder;
