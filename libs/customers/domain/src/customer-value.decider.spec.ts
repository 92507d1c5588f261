import { DeciderSpecification } from '@meridian/platform/eventsourcing/testing';
import type { RecordOrderValue, ReevaluateValueSegment } from './customer-value.commands';
import { customerDecider } from './customer.decider';
import type { CustomerEvent } from './customer.events';
import { CustomerRuleCodes as Codes } from './customer.rules';
import type { ValueSegment } from './customer.values';
import { customerId, eur, orderValueRecorded, registered, segmentChanged, smallPolicy } from './testing/customer.fixtures';

const spec = DeciderSpecification.for(customerDecider);
const asOf = '2026-06-30T12:00:00.000Z';
const paidAt = '2026-06-20T10:00:00.000Z';

const recordValue = (data: Partial<RecordOrderValue['data']> = {}): RecordOrderValue => ({
  type: 'RecordOrderValue',
  data: { customerId, orderId: 'ord-1', netValue: eur(150), purchasedAt: paidAt, orderRevision: 2, recordedAt: asOf, policy: smallPolicy, asOf, ...data },
});
const reevaluate = (data: Partial<ReevaluateValueSegment['data']> = {}): ReevaluateValueSegment => ({
  type: 'ReevaluateValueSegment',
  data: { customerId, policy: smallPolicy, asOf, ...data },
});
const recorded = (orderId: string, amount: number, orderRevision = 2, purchasedAt = paidAt): CustomerEvent => ({
  type: 'CustomerOrderValueRecorded',
  data: { customerId, orderId, netValue: eur(amount), purchasedAt, orderRevision, recordedAt: asOf },
});
const changed = (previousSegment: ValueSegment | null, segment: ValueSegment, purchaseCount: number, average: number | null): CustomerEvent => ({
  type: 'CustomerValueSegmentChanged',
  data: {
    customerId, previousSegment, segment, purchaseCount, averageOrderValue: average === null ? null : eur(average),
    windowStart: '2026-05-31T12:00:00.000Z', windowEnd: asOf, changedAt: asOf,
  },
});

describe('RecordOrderValue', () => {
  it('records the order value and the first segment it puts the customer in', () => {
    spec.given([registered]).when(recordValue()).then([recorded('ord-1', 150), changed(null, 'C', 1, 150)]);
  });

  it('records a newer revision of an order, replacing its value, and moves the segment', () => {
    spec.given([registered, recorded('ord-1', 150), changed(null, 'C', 1, 150)])
      .when(recordValue({ netValue: eur(50), orderRevision: 3 }))
      .then([recorded('ord-1', 50, 3), changed('C', 'B', 1, 50)]);
  });

  it('records without a segment change when the segment stays', () => {
    spec.given([registered, recorded('ord-1', 150), changed(null, 'C', 1, 150)])
      .when(recordValue({ orderId: 'ord-2', netValue: eur(120) }))
      .then([recorded('ord-2', 120)]);
  });

  it('appends nothing for a revision not newer than the one recorded: redelivered or out of order', () => {
    const history = [registered, recorded('ord-1', 150, 5), changed(null, 'C', 1, 150)];
    spec.given(history).when(recordValue({ orderRevision: 5, netValue: eur(10) })).thenNothingHappens();
    spec.given(history).when(recordValue({ orderRevision: 4, netValue: eur(10) })).thenNothingHappens();
  });

  it('keeps the first purchase time of an order: a later refund does not move the purchase', () => {
    spec.given([registered, recorded('ord-1', 150, 2, '2026-06-20T10:00:00.000Z'), changed(null, 'C', 1, 150)])
      .when(recordValue({ netValue: eur(0), orderRevision: 4, purchasedAt: '2026-06-29T09:00:00.000Z' }))
      .then([recorded('ord-1', 0, 4, '2026-06-20T10:00:00.000Z'), changed('C', 'A', 0, null)]);
  });

  it('records an order in another currency, which does not count towards the segment', () => {
    const usd: CustomerEvent = {
      type: 'CustomerOrderValueRecorded',
      data: { customerId, orderId: 'ord-1', netValue: { amount: 150, currency: 'USD' }, purchasedAt: paidAt, orderRevision: 2, recordedAt: asOf },
    };
    spec.given([registered]).when(recordValue({ netValue: { amount: 150, currency: 'USD' } })).then([usd, changed(null, 'A', 0, null)]);
  });

  it('reaches E with enough high-value orders', () => {
    const history = [registered, recorded('ord-1', 100), recorded('ord-2', 200), changed(null, 'C', 2, 150)];
    spec.given(history).when(recordValue({ orderId: 'ord-3', netValue: eur(300) })).then([recorded('ord-3', 300), changed('C', 'E', 3, 200)]);
  });

  it('judges the segment at asOf with the policy the command carries', () => {
    const longWindow = { ...smallPolicy, windowDays: 365, highAverageOrderValue: eur(1000) };
    const [, change] = customerDecider.decide(recordValue({ policy: longWindow }), customerDecider.evolve(customerDecider.initialState, registered));
    expect(change.data).toMatchObject({ segment: 'B', windowStart: '2025-06-30T12:00:00.000Z' });
  });

  it.each([
    ['a negative net value', { netValue: eur(-1) }, Codes.invalidMoney],
    ['a net value with three decimals', { netValue: eur(1.005) }, Codes.invalidMoney],
    ['a malformed currency', { netValue: { amount: 1, currency: 'eur' } }, Codes.invalidMoney],
    ['a negative order revision', { orderRevision: -1 }, Codes.invalidField],
    ['a fractional order revision', { orderRevision: 1.5 }, Codes.invalidField],
    ['a purchase time without offset', { purchasedAt: '2026-06-20T10:00:00' }, Codes.invalidField],
    ['an impossible asOf', { asOf: '2026-02-30T10:00:00Z' }, Codes.invalidField],
    ['a blank order id', { orderId: ' ' }, Codes.blankField],
    ['an invalid policy', { policy: { ...smallPolicy, windowDays: 0 } }, Codes.invalidSegmentPolicy],
  ] as const)('refuses %s', (_case, change, code) => {
    spec.given([registered]).when(recordValue(change)).thenRejects(code);
  });
});

describe('ReevaluateValueSegment', () => {
  it('moves the segment when orders have left the window', () => {
    const history = [registered, recorded('ord-1', 150, 2, '2026-05-01T10:00:00.000Z'), changed(null, 'C', 1, 150)];
    spec.given(history).when(reevaluate()).then([changed('C', 'A', 0, null)]);
  });

  it('appends nothing while the segment stays, whatever the figures', () => {
    spec.given([registered, recorded('ord-1', 150), changed(null, 'C', 1, 150)]).when(reevaluate({ asOf: '2026-07-01T00:00:00.000Z' })).thenNothingHappens();
  });

  it('judges a customer without orders as A the first time, then never again', () => {
    spec.given([registered]).when(reevaluate()).then([changed(null, 'A', 0, null)]);
    spec.given([registered, changed(null, 'A', 0, null)]).when(reevaluate()).thenNothingHappens();
  });

  it('follows a changed policy', () => {
    const history = [registered, recorded('ord-1', 150), changed(null, 'C', 1, 150)];
    spec.given(history).when(reevaluate({ policy: { ...smallPolicy, highAverageOrderValue: eur(200) } })).then([changed('C', 'B', 1, 150)]);
  });

  it('uses asOf as the time of the change, and the window in UTC', () => {
    const [event] = customerDecider.decide(reevaluate({ asOf: '2026-06-30T14:00:00+02:00' }), customerDecider.evolve(customerDecider.initialState, registered));
    expect(event.data).toMatchObject({ windowStart: '2026-05-31T12:00:00.000Z', windowEnd: asOf, changedAt: '2026-06-30T14:00:00+02:00' });
  });

  it('refuses an invalid policy or asOf', () => {
    spec.given([registered]).when(reevaluate({ policy: { ...smallPolicy, currency: 'euro' } })).thenRejects(Codes.invalidSegmentPolicy);
    spec.given([registered]).when(reevaluate({ asOf: 'now' })).thenRejects(Codes.invalidField);
  });
});

describe('segment fixtures', () => {
  it('build a change the decider accepts as history', () => {
    expect(customerDecider.evolve(customerDecider.evolve(customerDecider.initialState, registered), segmentChanged(null, 'B', asOf))).toMatchObject({ segment: 'B' });
    expect(orderValueRecorded('ord-1', eur(1), asOf).data.recordedAt).toBe(asOf);
  });
});
