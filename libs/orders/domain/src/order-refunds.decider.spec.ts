import { DeciderSpecification } from '@meridian/platform/eventsourcing/testing';
import type { CancelOrder, RefundOrder } from './order.commands';
import { orderDecider } from './order.decider';
import { OrderRuleCodes as Codes } from './order.rules';
import { cancelled, confirmed, drafted, eur, orderId, paymentReceived, placed, refunded } from './testing/order.fixtures';

const spec = DeciderSpecification.for(orderDecider);
const refundedAt = '2026-04-04T09:00:00.000Z';
const cancelledAt = '2026-04-05T09:00:00.000Z';
const refund = (refundId: string, amount: number, data: Partial<RefundOrder['data']> = {}): RefundOrder => ({
  type: 'RefundOrder',
  data: { orderId, refundId, amount: eur(amount), reason: 'Damaged in transit', refundedAt, ...data },
});
const cancel = (reason = 'Customer withdrew'): CancelOrder => ({ type: 'CancelOrder', data: { orderId, reason, cancelledAt } });
const paid = [placed, confirmed(), paymentReceived('pay-1', 300, 300, 460.24)];

describe('RefundOrder', () => {
  it('refunds part of what was paid, with the refunded total and what the customer still paid', () => {
    spec.given(paid).when(refund('ref-1', 100.1)).then([refunded('ref-1', 100.1, 100.1, 199.9)]);
  });

  it('refunds up to exactly what was paid and not yet refunded', () => {
    spec.given([...paid, refunded('ref-1', 100.1, 100.1, 199.9)]).when(refund('ref-2', 199.9)).then([refunded('ref-2', 199.9, 300, 0)]);
  });

  it('refuses a refund above what was paid minus what was refunded', () => {
    spec.given(paid).when(refund('ref-1', 300.01)).thenRejects(Codes.refundExceedsPaid);
    spec.given([...paid, refunded('ref-1', 100, 100, 200)]).when(refund('ref-2', 200.01)).thenRejects(Codes.refundExceedsPaid);
  });

  it.each([
    ['placed', [placed]],
    ['drafted', [drafted]],
    ['confirmed and unpaid', [placed, confirmed()]],
  ] as const)('refuses any refund on a %s order: nothing was paid', (_state, history) => {
    spec.given(history).when(refund('ref-1', 0.01)).thenRejects(Codes.refundExceedsPaid);
  });

  it.each(['', '   ', '\n\t'])('refuses a refund with reason %j', (reason) => {
    spec.given(paid).when(refund('ref-1', 10, { reason })).thenRejects(Codes.refundReasonRequired);
  });

  it('keeps the reason trimmed', () => {
    spec.given(paid).when(refund('ref-1', 10, { reason: '  Late delivery ' })).then([refunded('ref-1', 10, 10, 290, 'Late delivery')]);
  });

  it('refuses a refund in another currency, or of zero', () => {
    spec.given(paid).when(refund('ref-1', 10, { amount: { amount: 10, currency: 'GBP' } })).thenRejects(Codes.currencyMismatch);
    spec.given(paid).when(refund('ref-1', 0)).thenRejects(Codes.amountNotPositive);
    spec.given(paid).when(refund('ref-1', -1)).thenRejects(Codes.invalidAmount);
  });

  it('treats a repeat with the same id and amount as done, and refuses one with another amount', () => {
    const history = [...paid, refunded('ref-1', 300, 300, 0)];
    spec.given(history).when(refund('ref-1', 300, { reason: 'retry' })).thenNothingHappens();
    spec.given(history).when(refund('ref-1', 30)).thenRejects(Codes.refundIdReused);
  });
});

describe('CancelOrder', () => {
  it.each([
    ['placed', [placed]],
    ['drafted', [drafted]],
    ['confirmed and unpaid', [placed, confirmed()]],
    ['paid and wholly refunded', [...paid, refunded('ref-1', 300, 300, 0)]],
  ] as const)('cancels a %s order, reason trimmed', (_state, history) => {
    spec.given(history).when(cancel(' Customer withdrew ')).then([cancelled('Customer withdrew')]);
  });

  it('refuses to cancel an order that still holds a payment', () => {
    spec.given(paid).when(cancel()).thenRejects(Codes.notCancellable);
    spec.given([...paid, refunded('ref-1', 299.99, 299.99, 0.01)]).when(cancel()).thenRejects(Codes.notCancellable);
  });

  it('refuses to cancel an order twice', () => {
    spec.given([placed, cancelled()]).when(cancel()).thenRejects(Codes.notCancellable);
  });

  it.each(['', '  '])('refuses a cancellation with reason %j', (reason) => {
    spec.given([placed]).when(cancel(reason)).thenRejects(Codes.cancellationReasonRequired);
  });
});
