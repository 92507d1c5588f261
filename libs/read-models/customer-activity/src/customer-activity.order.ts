import type { ConsumedEvent } from '@meridian/platform/kafka';
import type { ContractMoney } from '@meridian/orders/contracts';
import { orderContractEventOf } from '@meridian/orders/contracts';
import type { OrderActivity, OrderSummary } from './customer-activity.model';
import { UnknownActivityEvent, advanced, entryOf, formatMinor, minorUnitsOf, startedFrom, utcInstantOf } from './customer-activity.entries';

const money = (value: ContractMoney): string => formatMinor(minorUnitsOf(value.amount), value.currency);

const withSummary = (document: OrderActivity, fields: Partial<OrderSummary>): OrderActivity => ({
  ...document,
  summary: { ...document.summary, ...fields },
});

const later = (a: string | null, b: string): string => (a !== null && a > b ? a : b);

type Creation = Readonly<{ orderId: string; customerId: string; total: ContractMoney; opportunityId?: string }>;

const created = (event: ConsumedEvent, p: Creation, status: 'drafted' | 'placed', at: string): OrderActivity => ({
  ...startedFrom(event, p.customerId),
  kind: 'order',
  summary: {
    orderId: p.orderId, status, currency: p.total.currency, totalMinor: minorUnitsOf(p.total.amount), paidMinor: 0, refundedMinor: 0,
    opportunityId: p.opportunityId ?? null, createdAt: utcInstantOf(at), lastPaymentAt: null, payments: [], refunds: [],
  },
});

/**
 * An order stream's activity. Every order event names its customer, but only
 * placing or drafting says what was ordered, so a stream whose first event
 * was never seen leaves no document. Paid and refunded amounts are the
 * events' running totals (absolute), never sums kept here.
 */
export const evolveOrderActivity = (document: OrderActivity | null, event: ConsumedEvent): OrderActivity | null => {
  const known = orderContractEventOf(event.type, event.payload);
  if (known === undefined) throw new UnknownActivityEvent(`customer-activity does not know ${event.type}`);
  if (known.type === 'OrderPlaced') {
    const p = known.payload;
    const lines = `${p.lines.length} line${p.lines.length === 1 ? '' : 's'}`;
    return advanced(created(event, p, 'placed', p.placedAt), event, entryOf(event, p.placedAt, `Order placed: ${lines}, ${money(p.total)}`));
  }
  if (known.type === 'OrderDraftedFromOpportunity') {
    const p = known.payload;
    return advanced(created(event, p, 'drafted', p.draftedAt), event, entryOf(event, p.draftedAt, `Order drafted from a won opportunity: ${money(p.total)}`));
  }
  if (document === null) return null;
  switch (known.type) {
    case 'OrderConfirmed': {
      const p = known.payload;
      const confirmed = withSummary(document, { status: 'confirmed', totalMinor: minorUnitsOf(p.total.amount), currency: p.total.currency });
      return advanced(confirmed, event, entryOf(event, p.confirmedAt, `Order confirmed: ${money(p.total)}`));
    }
    case 'PaymentReceived': {
      const p = known.payload;
      const paymentSeen = document.summary.payments.some((payment) => payment.paymentId === p.paymentId);
      const payment = { paymentId: p.paymentId, amountMinor: minorUnitsOf(p.amount.amount), method: p.method, receivedAt: utcInstantOf(p.receivedAt) };
      const paid = withSummary(document, {
        paidMinor: minorUnitsOf(p.paidToDate.amount),
        lastPaymentAt: later(document.summary.lastPaymentAt, payment.receivedAt),
        payments: paymentSeen ? document.summary.payments : [...document.summary.payments, payment],
      });
      return advanced(paid, event, entryOf(event, p.receivedAt, `Payment of ${money(p.amount)} by ${p.method}; outstanding ${money(p.outstanding)}`));
    }
    case 'OrderRefunded': {
      const p = known.payload;
      const knownRefund = document.summary.refunds.some((refund) => refund.refundId === p.refundId);
      const refund = { refundId: p.refundId, amountMinor: minorUnitsOf(p.amount.amount), reason: p.reason, refundedAt: utcInstantOf(p.refundedAt) };
      const refunded = withSummary(document, {
        refundedMinor: minorUnitsOf(p.refundedToDate.amount),
        refunds: knownRefund ? document.summary.refunds : [...document.summary.refunds, refund],
      });
      return advanced(refunded, event, entryOf(event, p.refundedAt, `Refund of ${money(p.amount)}: ${p.reason}`));
    }
    case 'OrderCancelled': {
      const p = known.payload;
      return advanced(withSummary(document, { status: 'cancelled' }), event, entryOf(event, p.cancelledAt, `Order cancelled: ${p.reason}`));
    }
    default: {
      const unreachable: never = known;
      throw new UnknownActivityEvent(`unhandled ${JSON.stringify(unreachable)}`);
    }
  }
};
