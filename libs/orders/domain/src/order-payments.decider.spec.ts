import { DeciderSpecification } from '@meridian/platform/eventsourcing/testing';
import type { RecordPayment } from './order.commands';
import { orderDecider } from './order.decider';
import { OrderRuleCodes as Codes } from './order.rules';
import { cancelled, confirmed, drafted, eur, orderId, paymentReceived, placed, refunded } from './testing/order.fixtures';

const spec = DeciderSpecification.for(orderDecider);
const receivedAt = '2026-04-03T09:00:00.000Z';
const pay = (paymentId: string, amount: number, data: Partial<RecordPayment['data']> = {}): RecordPayment => ({
  type: 'RecordPayment',
  data: { orderId, paymentId, amount: eur(amount), method: 'card', receivedAt, ...data },
});
const confirmedOrder = [placed, confirmed()];

describe('RecordPayment', () => {
  it('records a part payment with what is paid to date and still outstanding', () => {
    spec.given(confirmedOrder).when(pay('pay-1', 200)).then([paymentReceived('pay-1', 200, 200, 560.24)]);
  });

  it('keeps exact cents across payments that binary floating point would blur', () => {
    const history = [...confirmedOrder, paymentReceived('pay-1', 0.1, 0.1, 760.14)];
    spec.given(history).when(pay('pay-2', 0.2, { method: 'transfer' })).then([paymentReceived('pay-2', 0.2, 0.3, 759.94, 'transfer')]);
  });

  it('accepts a payment of exactly the outstanding amount, leaving nothing due', () => {
    const history = [...confirmedOrder, paymentReceived('pay-1', 700, 700, 60.24)];
    spec.given(history).when(pay('pay-2', 60.24, { method: 'cash' })).then([paymentReceived('pay-2', 60.24, 760.24, 0, 'cash')]);
  });

  it('refuses a payment above the outstanding amount, naming what is due', () => {
    const history = [...confirmedOrder, paymentReceived('pay-1', 700, 700, 60.24)];
    spec.given(history).when(pay('pay-2', 60.25)).thenRejects(Codes.overpayment);
    expect(() => orderDecider.decide(pay('pay-2', 60.25), history.reduce(orderDecider.evolve, orderDecider.initialState)))
      .toThrow(expect.objectContaining({ details: { outstanding: eur(60.24) } }));
  });

  it('states the net value after a payment that follows a refund (paid to date minus refunds)', () => {
    const history = [...confirmedOrder, paymentReceived('pay-1', 500, 500, 260.24), refunded('ref-1', 100, 100, 400)];
    spec.given(history).when(pay('pay-2', 60.24)).then([paymentReceived('pay-2', 60.24, 560.24, 200, 'card', 460.24)]);
  });

  it('does not reopen the balance after a refund: what was paid stays paid', () => {
    const history = [...confirmedOrder, paymentReceived('pay-1', 760.24, 760.24, 0), refunded('ref-1', 60.24, 60.24, 700)];
    spec.given(history).when(pay('pay-2', 0.01)).thenRejects(Codes.overpayment);
  });

  it.each([
    ['placed', [placed]],
    ['drafted', [drafted]],
    ['cancelled', [placed, confirmed(), cancelled()]],
  ] as const)('refuses a payment on a %s order', (_state, history) => {
    spec.given(history).when(pay('pay-1', 10)).thenRejects(Codes.paymentNotAllowed);
  });

  it('refuses a payment in another currency than the order', () => {
    spec.given(confirmedOrder).when(pay('pay-1', 10, { amount: { amount: 10, currency: 'USD' } })).thenRejects(Codes.currencyMismatch);
  });

  it.each([0, -5, 0.001, Number.NaN])('refuses a payment of %p', (amount) => {
    spec.given(confirmedOrder).when(pay('pay-1', amount)).thenRejects(amount === 0 ? Codes.amountNotPositive : Codes.invalidAmount);
  });

  it('treats a repeat with the same id and amount as done, whatever the method', () => {
    const history = [...confirmedOrder, paymentReceived('pay-1', 200, 200, 560.24)];
    spec.given(history).when(pay('pay-1', 200)).thenNothingHappens();
    spec.given(history).when(pay('pay-1', 200, { method: 'other', receivedAt: '2026-04-09T00:00:00.000Z' })).thenNothingHappens();
  });

  it('treats a repeat as done even after the order was refunded and cancelled', () => {
    const history = [...confirmedOrder, paymentReceived('pay-1', 200, 200, 560.24), refunded('ref-1', 200, 200, 0), cancelled()];
    spec.given(history).when(pay('pay-1', 200)).thenNothingHappens();
  });

  it('refuses a repeated id with another amount or currency', () => {
    const history = [...confirmedOrder, paymentReceived('pay-1', 200, 200, 560.24)];
    spec.given(history).when(pay('pay-1', 200.01)).thenRejects(Codes.paymentIdReused);
    spec.given(history).when(pay('pay-1', 200, { amount: { amount: 200, currency: 'USD' } })).thenRejects(Codes.paymentIdReused);
  });
});
