import { fromMinorUnits, roundedAverage, toMinorUnits } from './money.minor-units';
import type { Instant, Money, ValueSegment } from './customer.values';
import type { SegmentPolicy } from './segment-policy.values';

/** What classification needs of one order. */
export type OrderForSegment = Readonly<{ netValue: Money; purchasedAt: Instant }>;

export type SegmentClassification = Readonly<{
  segment: ValueSegment;
  /** Orders in the window, in the policy currency, with a net value above zero. */
  purchaseCount: number;
  /** Their average net value (rounded half up to the cent), or `null` without any. */
  averageOrderValue: Money | null;
  /** Exclusive start of the window: `asOf` minus `windowDays` days, in UTC. */
  windowStart: Instant;
  /** Inclusive end of the window: `asOf`, in UTC. */
  windowEnd: Instant;
}>;

const dayMs = 24 * 60 * 60 * 1000;

/**
 * The value segment of one customer at `asOf`, over the orders purchased in
 * `(asOf − windowDays, asOf]`. Orders in another currency, or refunded to zero,
 * do not count. High value is an average at or above the threshold, high
 * frequency a count at or above it; the average is compared exactly (total
 * against threshold × count), so rounding the published average never changes
 * the segment. Pure and total for a valid policy and a parseable `asOf`.
 */
export const classifySegment = (orders: readonly OrderForSegment[], policy: SegmentPolicy, asOf: Instant): SegmentClassification => {
  const endMs = Date.parse(asOf);
  const startMs = endMs - policy.windowDays * dayMs;
  const window = { windowStart: new Date(startMs).toISOString(), windowEnd: new Date(endMs).toISOString() };
  const counted = orders.filter((order) => {
    const purchasedMs = Date.parse(order.purchasedAt);
    return order.netValue.currency === policy.currency && order.netValue.amount > 0 && purchasedMs > startMs && purchasedMs <= endMs;
  });
  const purchaseCount = counted.length;
  if (purchaseCount === 0) return { segment: 'A', purchaseCount, averageOrderValue: null, ...window };
  const totalMinor = counted.reduce((sum, order) => sum + toMinorUnits(order.netValue.amount), 0);
  const highValue = totalMinor >= toMinorUnits(policy.highAverageOrderValue.amount) * purchaseCount;
  const highFrequency = purchaseCount >= policy.highPurchaseCount;
  return {
    segment: segmentOf(highValue, highFrequency),
    purchaseCount,
    averageOrderValue: fromMinorUnits(roundedAverage(totalMinor, purchaseCount), policy.currency),
    ...window,
  };
};

const segmentOf = (highValue: boolean, highFrequency: boolean): ValueSegment => {
  if (highValue) return highFrequency ? 'E' : 'C';
  return highFrequency ? 'D' : 'B';
};
