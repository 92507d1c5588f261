import { BusinessRuleViolation } from '@meridian/platform/eventsourcing';
import type { OrderCommand } from './order.commands';
import type { OrderEvent } from './order.events';
import { orderDecider } from './order.decider';
import { OrderRuleCodes } from './order.rules';
import { cancelled, confirmed, eur, orderId, paymentReceived, placeOrder, placed, refunded } from './testing/order.fixtures';

// The HTTP layer spreads a violation's details into the problem+json body, so a
// detail named like a problem member (a `status` of "placed", say) would replace it.
const problemMembers = ['type', 'title', 'status', 'detail', 'code', 'instance', 'errors'];
const at = '2026-04-09T09:00:00.000Z';
const line = placeOrder.data.lines[0];
const place = (data: Partial<Extract<OrderCommand, { type: 'PlaceOrder' }>['data']>): OrderCommand => ({ type: 'PlaceOrder', data: { ...placeOrder.data, ...data } });
const pay = (paymentId: string, amount: number): OrderCommand => ({ type: 'RecordPayment', data: { orderId, paymentId, amount: eur(amount), method: 'card', receivedAt: at } });
const refund = (refundId: string, amount: number, reason = 'x'): OrderCommand => ({ type: 'RefundOrder', data: { orderId, refundId, amount: eur(amount), reason, refundedAt: at } });
const cancel = (reason = 'x'): OrderCommand => ({ type: 'CancelOrder', data: { orderId, reason, cancelledAt: at } });
const paid = [placed, confirmed(), paymentReceived('pay-1', 100, 100, 660.24)];

/** One way to break each rule. */
const breaches: readonly (readonly [readonly OrderEvent[], OrderCommand])[] = [
  [[placed], placeOrder],
  [[], place({ lines: [] })],
  [[], place({ currency: 'eur' })],
  [[], place({ lines: [{ ...line, unitPrice: { amount: 1, currency: 'USD' } }] })],
  [[], place({ lines: [{ ...line, unitPrice: eur(-1) }] })],
  [[], place({ lines: [{ ...line, quantity: 0 }] })],
  [[], place({ lines: [{ ...line, description: ' ' }] })],
  [[], place({ lines: [line, line] })],
  [[], place({ lines: [{ ...line, unitPrice: eur(0) }] })],
  [[], place({ lines: [{ ...line, quantity: 3, unitPrice: eur(999_999_999) }] })],
  [[placed, confirmed()], { type: 'ConfirmOrder', data: { orderId, confirmedAt: at } }],
  [[placed], pay('pay-1', 1)],
  [[placed, confirmed()], pay('pay-1', 0)],
  [[placed, confirmed()], pay('pay-1', 1000)],
  [paid, pay('pay-1', 99)],
  [paid, refund('ref-1', 101)],
  [paid, refund('ref-1', 1, ' ')],
  [[...paid, refunded('ref-1', 1, 1, 99)], refund('ref-1', 2)],
  [paid, cancel()],
  [[placed, cancelled()], cancel()],
  [[placed], cancel(' ')],
];

describe('rule violations', () => {
  const violations = breaches.map(([history, command]) => {
    try {
      orderDecider.decide(command, history.reduce(orderDecider.evolve, orderDecider.initialState));
    } catch (error) {
      if (error instanceof BusinessRuleViolation) return error;
    }
    throw new Error(`${command.type} was not refused`);
  });

  it('cover every rule code', () => {
    expect(new Set(violations.map((violation) => violation.code))).toEqual(new Set(Object.values(OrderRuleCodes)));
  });

  it('never name a detail like a problem+json member', () => {
    for (const violation of violations) {
      expect({ code: violation.code, clashes: Object.keys(violation.details).filter((key) => problemMembers.includes(key)) }).toEqual({ code: violation.code, clashes: [] });
    }
  });
});
