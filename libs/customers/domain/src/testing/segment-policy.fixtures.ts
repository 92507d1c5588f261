import type { SegmentPolicySet, SetSegmentPolicy } from '../segment-policy.events';

export const tenantId = 'tenant-north';

export const setSegmentPolicy = (overrides: Partial<SetSegmentPolicy['data']> = {}): SetSegmentPolicy => ({
  type: 'SetSegmentPolicy',
  data: {
    tenantId,
    windowDays: 180,
    currency: 'USD',
    highAverageOrderValue: { amount: 250.5, currency: 'USD' },
    highPurchaseCount: 6,
    setAt: '2026-03-01T09:00:00.000Z',
    ...overrides,
  },
});

export const segmentPolicySet = (overrides: Partial<SegmentPolicySet['data']> = {}): SegmentPolicySet => ({
  type: 'SegmentPolicySet',
  data: {
    windowDays: 180,
    currency: 'USD',
    highAverageOrderValue: { amount: 250.5, currency: 'USD' },
    highPurchaseCount: 6,
    setAt: '2026-03-01T09:00:00.000Z',
    ...overrides,
  },
});
