import type { DomainEvent } from '@meridian/platform/eventsourcing';
import type { Instant, Money } from './customer.values';

/** A tenant's segment policy from `setAt` on; the stream id names the tenant. */
export type SegmentPolicySet = DomainEvent<'SegmentPolicySet', {
  windowDays: number;
  currency: string;
  highAverageOrderValue: Money;
  highPurchaseCount: number;
  setAt: Instant;
}>;

export type SegmentPolicyEvent = SegmentPolicySet;

export const segmentPolicyEventTypes = ['SegmentPolicySet'] as const satisfies readonly SegmentPolicyEvent['type'][];

export type SetSegmentPolicy = Readonly<{
  type: 'SetSegmentPolicy';
  data: {
    /** Names the stream (`segment_policy-<tenantId>`); not part of the event. */
    tenantId: string;
    windowDays: number;
    currency: string;
    highAverageOrderValue: Money;
    highPurchaseCount: number;
    setAt: Instant;
  };
}>;

export type SegmentPolicyCommand = SetSegmentPolicy;
