import { AggregateNotFound, assertNever } from '@meridian/platform/eventsourcing';
import type { CancelOrder, ConfirmOrder, DraftOrderFromOpportunity, OrderCommand, PlaceOrder, RecordPayment, RefundOrder } from './order.commands';
import type { OrderEvent } from './order.events';
import { toMoney } from './order.money';
import { OrderRuleCodes, amountIn, nonBlank, priceLines, violation } from './order.rules';
import type { OrderState, PresentOrder } from './order.state';
import { isPresent, netPaidOf, outstandingOf } from './order.state';
import { orderStreamId } from './order.stream-id';

type Decision = readonly OrderEvent[];

/**
 * Pure: the same command on the same state always yields the same events or the
 * same rule violation. An empty result means the command was already satisfied.
 */
export const decide = (command: OrderCommand, state: OrderState): Decision => {
  switch (command.type) {
    case 'PlaceOrder':
      return place(command, state);
    case 'DraftOrderFromOpportunity':
      return draft(command, state);
    case 'ConfirmOrder':
      return confirm(command, existing(state, command.data.orderId));
    case 'RecordPayment':
      return recordPayment(command, existing(state, command.data.orderId));
    case 'RefundOrder':
      return refund(command, existing(state, command.data.orderId));
    case 'CancelOrder':
      return cancel(command, existing(state, command.data.orderId));
    default:
      return assertNever(command);
  }
};

const existing = (state: OrderState, orderId: string): PresentOrder => {
  if (!isPresent(state)) throw new AggregateNotFound(orderStreamId(orderId));
  return state;
};

const place = ({ data }: PlaceOrder, state: OrderState): Decision => {
  if (isPresent(state)) {
    // Also the answer when a won deal already has its order (same derived id): name it so the caller can go there.
    throw violation(OrderRuleCodes.orderExists, `Order ${data.orderId} already exists`, { orderId: data.orderId, ...(state.opportunityId ? { opportunityId: state.opportunityId } : {}) });
  }
  const { lines, total } = priceLines(data.currency, data.lines);
  const opportunityId = nonBlank(data.opportunityId);
  return [
    {
      type: 'OrderPlaced',
      data: {
        orderId: data.orderId, customerId: data.customerId, currency: data.currency, lines,
        total: toMoney(total, data.currency),
        ...(opportunityId === undefined ? {} : { opportunityId }),
        placedAt: data.placedAt,
      },
    },
  ];
};

/**
 * A second draft for the same order is a no-op, whatever it says: the order id
 * is derived from the opportunity, so redelivery, replay and a re-won
 * opportunity all land here and must never make (or change) an order.
 */
const draft = ({ data }: DraftOrderFromOpportunity, state: OrderState): Decision => {
  if (isPresent(state)) return [];
  const { lines, total } = priceLines(data.currency, data.lines);
  const { orderId, customerId, opportunityId, currency, draftedAt } = data;
  return [
    {
      type: 'OrderDraftedFromOpportunity',
      data: { orderId, customerId, opportunityId, currency, lines, total: toMoney(total, currency), draftedAt },
    },
  ];
};

const confirm = ({ data }: ConfirmOrder, order: PresentOrder): Decision => {
  if (order.status !== 'placed' && order.status !== 'drafted') {
    throw violation(OrderRuleCodes.notConfirmable, `Order ${order.orderId} is ${order.status}; only a placed or drafted order can be confirmed`, {
      orderStatus: order.status,
    });
  }
  const { orderId, customerId } = order;
  return [{ type: 'OrderConfirmed', data: { orderId, customerId, total: toMoney(order.total, order.currency), confirmedAt: data.confirmedAt } }];
};

/**
 * Idempotent by payment id, checked before the order's status: a payment
 * provider retrying a payment that was recorded before the order changed must
 * get "done", not a refusal.
 */
const recordPayment = ({ data }: RecordPayment, order: PresentOrder): Decision => {
  const { orderId, customerId, currency } = order;
  const earlier = order.payments.find((payment) => payment.paymentId === data.paymentId);
  if (earlier !== undefined) {
    if (data.amount.currency === currency && amountIn(data.amount, currency, 'amount') === earlier.amount) return [];
    throw violation(OrderRuleCodes.paymentIdReused, `Payment ${data.paymentId} was already recorded with another amount`, {
      paymentId: data.paymentId,
      recordedAmount: toMoney(earlier.amount, currency),
    });
  }
  if (order.status !== 'confirmed') {
    throw violation(OrderRuleCodes.paymentNotAllowed, `Order ${orderId} is ${order.status}; payments are taken on confirmed orders only`, {
      orderStatus: order.status,
    });
  }
  const amount = amountIn(data.amount, currency, 'amount');
  if (amount <= 0) throw violation(OrderRuleCodes.amountNotPositive, 'A payment must be above zero');
  const outstanding = outstandingOf(order);
  if (amount > outstanding) {
    throw violation(OrderRuleCodes.overpayment, `The payment exceeds the outstanding ${toMoney(outstanding, currency).amount} ${currency}`, {
      outstanding: toMoney(outstanding, currency),
    });
  }
  return [
    {
      type: 'PaymentReceived',
      data: {
        orderId, customerId, paymentId: data.paymentId,
        amount: toMoney(amount, currency),
        paidToDate: toMoney(order.paid + amount, currency),
        outstanding: toMoney(outstanding - amount, currency),
        netPaid: toMoney(order.paid + amount - order.refunded, currency),
        method: data.method,
        receivedAt: data.receivedAt,
      },
    },
  ];
};

/** Idempotent by refund id, like payments. */
const refund = ({ data }: RefundOrder, order: PresentOrder): Decision => {
  const { orderId, customerId, currency } = order;
  const earlier = order.refunds.find((recorded) => recorded.refundId === data.refundId);
  if (earlier !== undefined) {
    if (data.amount.currency === currency && amountIn(data.amount, currency, 'amount') === earlier.amount) return [];
    throw violation(OrderRuleCodes.refundIdReused, `Refund ${data.refundId} was already recorded with another amount`, {
      refundId: data.refundId,
      recordedAmount: toMoney(earlier.amount, currency),
    });
  }
  const reason = nonBlank(data.reason);
  if (reason === undefined) throw violation(OrderRuleCodes.refundReasonRequired, 'A refund needs a reason');
  const amount = amountIn(data.amount, currency, 'amount');
  if (amount <= 0) throw violation(OrderRuleCodes.amountNotPositive, 'A refund must be above zero');
  const refundable = netPaidOf(order);
  if (amount > refundable) {
    throw violation(OrderRuleCodes.refundExceedsPaid, `The refund exceeds the ${toMoney(refundable, currency).amount} ${currency} paid and not yet refunded`, {
      refundable: toMoney(refundable, currency),
    });
  }
  return [
    {
      type: 'OrderRefunded',
      data: {
        orderId, customerId, refundId: data.refundId,
        amount: toMoney(amount, currency),
        refundedToDate: toMoney(order.refunded + amount, currency),
        netPaid: toMoney(refundable - amount, currency),
        reason,
        refundedAt: data.refundedAt,
      },
    },
  ];
};

const cancel = ({ data }: CancelOrder, order: PresentOrder): Decision => {
  if (order.status === 'cancelled') {
    throw violation(OrderRuleCodes.notCancellable, `Order ${order.orderId} is already cancelled`, { orderStatus: order.status });
  }
  const netPaid = netPaidOf(order);
  if (netPaid > 0) {
    throw violation(OrderRuleCodes.notCancellable, `Order ${order.orderId} still holds a payment; refund it before cancelling`, {
      orderStatus: order.status,
      netPaid: toMoney(netPaid, order.currency),
    });
  }
  const reason = nonBlank(data.reason);
  if (reason === undefined) throw violation(OrderRuleCodes.cancellationReasonRequired, 'A cancellation needs a reason');
  const { orderId, customerId } = order;
  return [{ type: 'OrderCancelled', data: { orderId, customerId, reason, cancelledAt: data.cancelledAt } }];
};
