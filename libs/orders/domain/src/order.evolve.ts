import { assertNever } from '@meridian/platform/eventsourcing';
import type { OrderEvent } from './order.events';
import { toMinorUnits } from './order.money';
import type { OrderDetails, OrderState } from './order.state';
import { isPresent } from './order.state';

/**
 * Applies a recorded fact. Facts cannot be refused, so evolve never throws; an
 * event other than a creation on an absent order (a stream that does not start
 * with its creation) leaves the state as it was. Running totals are taken from
 * the events' absolute values rather than re-added, so state and events agree.
 */
export const evolve = (state: OrderState, event: OrderEvent): OrderState => {
  if (event.type === 'OrderPlaced') {
    const { orderId, customerId, currency, lines, total, opportunityId, placedAt } = event.data;
    return created({ orderId, customerId, currency, lines, total: toMinorUnits(total.amount), createdAt: placedAt }, 'placed', opportunityId);
  }
  if (event.type === 'OrderDraftedFromOpportunity') {
    const { orderId, customerId, currency, lines, total, opportunityId, draftedAt } = event.data;
    return created({ orderId, customerId, currency, lines, total: toMinorUnits(total.amount), createdAt: draftedAt }, 'drafted', opportunityId);
  }
  if (!isPresent(state)) return state;
  switch (event.type) {
    case 'OrderConfirmed':
      return { ...state, status: 'confirmed', confirmedAt: event.data.confirmedAt };
    case 'PaymentReceived': {
      const { paymentId, amount, paidToDate, method, receivedAt } = event.data;
      const payment = { paymentId, amount: toMinorUnits(amount.amount), method, receivedAt };
      return { ...state, paid: toMinorUnits(paidToDate.amount), payments: [...state.payments, payment] };
    }
    case 'OrderRefunded': {
      const { refundId, amount, refundedToDate, reason, refundedAt } = event.data;
      const refund = { refundId, amount: toMinorUnits(amount.amount), reason, refundedAt };
      return { ...state, refunded: toMinorUnits(refundedToDate.amount), refunds: [...state.refunds, refund] };
    }
    case 'OrderCancelled':
      return { ...state, status: 'cancelled', cancelledAt: event.data.cancelledAt, cancellationReason: event.data.reason };
    default:
      return assertNever(event);
  }
};

type Creation = Pick<OrderDetails, 'orderId' | 'customerId' | 'currency' | 'lines' | 'total' | 'createdAt'>;

const created = (creation: Creation, origin: OrderDetails['origin'], opportunityId: string | undefined): OrderDetails => ({
  ...creation,
  status: origin,
  origin,
  ...(opportunityId === undefined ? {} : { opportunityId }),
  paid: 0,
  refunded: 0,
  payments: [],
  refunds: [],
});
