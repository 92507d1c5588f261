import type { SegmentPolicy } from './segment-policy.values';
import type { Instant, Money } from './customer.values';

// Both commands carry the tenant's segment policy and the instant to judge the
// segment at: the customer stream does not read the policy stream or a clock.

/** The absolute net value of one order (paid minus refunded), as of `orderRevision` of that order's stream. */
export type RecordOrderValue = Readonly<{
  type: 'RecordOrderValue';
  data: {
    customerId: string;
    orderId: string;
    netValue: Money;
    /** The first payment's time; only the first one recorded for an order counts. */
    purchasedAt: Instant;
    /** Revision of the order stream the value was read at; a value at a revision not newer than the recorded one is ignored. */
    orderRevision: number;
    recordedAt: Instant;
    policy: SegmentPolicy;
    asOf: Instant;
  };
}>;

/** Judges the segment again, e.g. when orders have left the window since the last change. */
export type ReevaluateValueSegment = Readonly<{
  type: 'ReevaluateValueSegment';
  data: { customerId: string; policy: SegmentPolicy; asOf: Instant };
}>;

export type CustomerValueCommand = RecordOrderValue | ReevaluateValueSegment;
