import { DeciderSpecification } from '@meridian/platform/eventsourcing/testing';
import { foldEvents } from '@meridian/platform/eventsourcing';
import { CustomerRuleCodes as Codes } from './customer.rules';
import { segmentPolicyStreamId } from './customers.stream-ids';
import { currentSegmentPolicy, initialSegmentPolicyState, segmentPolicyDecider } from './segment-policy.decider';
import { defaultSegmentPolicy, segmentPolicyProblems } from './segment-policy.values';
import { segmentPolicySet, setSegmentPolicy, tenantId } from './testing/segment-policy.fixtures';

const spec = DeciderSpecification.for(segmentPolicyDecider);

describe('segment policy stream id', () => {
  it('is segment_policy-<tenantId>', () => {
    expect(segmentPolicyStreamId(tenantId)).toBe('segment_policy-tenant-north');
  });
});

describe('SetSegmentPolicy', () => {
  it('records the first policy a tenant sets', () => {
    spec.given([]).when(setSegmentPolicy()).then([segmentPolicySet()]);
  });

  it('records a first choice equal to the default too: the decision is on record', () => {
    const command = setSegmentPolicy({ ...defaultSegmentPolicy });
    spec.given([]).when(command).then([{ type: 'SegmentPolicySet', data: { ...defaultSegmentPolicy, setAt: command.data.setAt } }]);
  });

  it('appends nothing when the same policy is set again, at any time', () => {
    spec.given([segmentPolicySet()]).when(setSegmentPolicy({ setAt: '2026-04-01T00:00:00.000Z' })).thenNothingHappens();
  });

  it('records a change of any part', () => {
    for (const change of [{ windowDays: 90 }, { highPurchaseCount: 7 }, { highAverageOrderValue: { amount: 250.51, currency: 'USD' } }] as const) {
      spec.given([segmentPolicySet()]).when(setSegmentPolicy(change)).then([segmentPolicySet(change)]);
    }
    const euro = { currency: 'EUR', highAverageOrderValue: { amount: 250.5, currency: 'EUR' } };
    spec.given([segmentPolicySet()]).when(setSegmentPolicy(euro)).then([segmentPolicySet(euro)]);
  });

  it('copies only the policy fields into the event (no tenant id, nothing extra)', () => {
    const command = setSegmentPolicy();
    const extra = { ...command, data: { ...command.data, note: 'internal' } };
    spec.given([]).when(extra).then([segmentPolicySet()]);
  });

  it.each([
    ['a window of 0 days', { windowDays: 0 }],
    ['a window over ten years', { windowDays: 3651 }],
    ['a fractional window', { windowDays: 30.5 }],
    ['a lower-case currency', { currency: 'usd' }],
    ['a threshold of zero', { highAverageOrderValue: { amount: 0, currency: 'USD' } }],
    ['a threshold with three decimals', { highAverageOrderValue: { amount: 1.005, currency: 'USD' } }],
    ['a threshold in another currency', { highAverageOrderValue: { amount: 100, currency: 'EUR' } }],
    ['a purchase count of zero', { highPurchaseCount: 0 }],
    ['a fractional purchase count', { highPurchaseCount: 2.5 }],
  ] as const)('refuses %s', (_case, change) => {
    spec.given([]).when(setSegmentPolicy(change)).thenRejects(Codes.invalidSegmentPolicy);
  });

  it('accepts the edges of the window: 1 and 3650 days', () => {
    for (const windowDays of [1, 3650]) {
      spec.given([]).when(setSegmentPolicy({ windowDays })).then([segmentPolicySet({ windowDays })]);
    }
  });

  it('names every problem at once', () => {
    expect(segmentPolicyProblems({ windowDays: 0, currency: 'eu', highAverageOrderValue: { amount: -1, currency: 'eu' }, highPurchaseCount: 0 })).toEqual([
      'windowDays must be a whole number from 1 to 3650',
      'currency must be a three-letter ISO 4217 code',
      'highAverageOrderValue must be above zero with at most two decimals',
      'highPurchaseCount must be a whole number above zero',
    ]);
  });
});

describe('the policy in force', () => {
  it('is the default until one is set: 365 days, EUR, 1,000.00, 4 purchases', () => {
    expect(currentSegmentPolicy(initialSegmentPolicyState)).toEqual({
      windowDays: 365, currency: 'EUR', highAverageOrderValue: { amount: 1000, currency: 'EUR' }, highPurchaseCount: 4,
    });
  });

  it('is the one last set', () => {
    const state = foldEvents(segmentPolicyDecider, [segmentPolicySet(), segmentPolicySet({ windowDays: 60 })]);
    expect(currentSegmentPolicy(state)).toEqual({
      windowDays: 60, currency: 'USD', highAverageOrderValue: { amount: 250.5, currency: 'USD' }, highPurchaseCount: 6,
    });
  });
});
