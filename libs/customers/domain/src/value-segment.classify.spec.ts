import { fromMinorUnits, roundedAverage, toMinorUnits } from './money.minor-units';
import type { OrderForSegment } from './value-segment.classify';
import { classifySegment } from './value-segment.classify';
import { defaultSegmentPolicy } from './segment-policy.values';
import { eur, smallPolicy } from './testing/customer.fixtures';

const asOf = '2026-06-30T12:00:00.000Z';
const daysBefore = (days: number, base = asOf): string => new Date(Date.parse(base) - days * 86_400_000).toISOString();
const order = (amount: number, daysAgo = 1, currency = 'EUR'): OrderForSegment => ({ netValue: { amount, currency }, purchasedAt: daysBefore(daysAgo) });
const segmentOf = (orders: readonly OrderForSegment[]) => classifySegment(orders, smallPolicy, asOf).segment;

describe('classifySegment', () => {
  it('is A without any purchase in the window, with no average', () => {
    expect(classifySegment([], smallPolicy, asOf)).toEqual({
      segment: 'A', purchaseCount: 0, averageOrderValue: null,
      windowStart: '2026-05-31T12:00:00.000Z', windowEnd: '2026-06-30T12:00:00.000Z',
    });
  });

  it.each([
    ['B: low value, low frequency', [order(50), order(60)], 'B'],
    ['C: high value, low frequency', [order(150), order(100)], 'C'],
    ['D: low value, high frequency', [order(10), order(20), order(30)], 'D'],
    ['E: high value, high frequency', [order(100), order(100), order(100)], 'E'],
  ] as const)('%s', (_case, orders, segment) => {
    expect(segmentOf(orders)).toBe(segment);
  });

  it('reports the count and the average in the policy currency', () => {
    expect(classifySegment([order(100.1), order(200.2), order(0.01)], smallPolicy, asOf)).toMatchObject({
      segment: 'E', purchaseCount: 3, averageOrderValue: { amount: 100.1, currency: 'EUR' },
    });
  });

  it('treats an average exactly at the threshold as high value, and one cent below as low', () => {
    expect(segmentOf([order(99.99), order(100.01)])).toBe('C');
    expect(segmentOf([order(99.99), order(100)])).toBe('B');
  });

  it('adds in cents, so 0.1 + 0.2 is exactly 0.3', () => {
    const policy = { ...smallPolicy, highAverageOrderValue: eur(0.15) };
    expect(classifySegment([order(0.1), order(0.2)], policy, asOf)).toMatchObject({ segment: 'C', averageOrderValue: eur(0.15) });
  });

  it('compares the exact average, not the rounded one published', () => {
    // 100.00 + 99.99 + 99.99 = 299.98 → 99.9933…, published as 99.99, and below 100.
    const policy = { ...smallPolicy, highPurchaseCount: 10 };
    expect(classifySegment([order(100), order(99.99), order(99.99)], policy, asOf)).toMatchObject({ segment: 'B', averageOrderValue: eur(99.99) });
    // 100.00 + 100.00 + 99.99 = 299.99 → 99.9966…, published rounded up as 100.00, but still below 100.
    expect(classifySegment([order(100), order(100), order(99.99)], policy, asOf)).toMatchObject({ segment: 'B', averageOrderValue: eur(100) });
  });

  it('counts purchases in (asOf − windowDays, asOf]: the end is in, the start is out', () => {
    const atEnd = { netValue: eur(500), purchasedAt: asOf };
    const atStart = { netValue: eur(500), purchasedAt: daysBefore(30) };
    const justInside = { netValue: eur(500), purchasedAt: new Date(Date.parse(daysBefore(30)) + 1).toISOString() };
    const afterAsOf = { netValue: eur(500), purchasedAt: '2026-06-30T12:00:00.001Z' };
    expect(classifySegment([atEnd, atStart, justInside, afterAsOf], smallPolicy, asOf).purchaseCount).toBe(2);
  });

  it('compares instants, not their text: offsets are honoured', () => {
    // 13:30 at +02:00 is 11:30 UTC, before asOf (12:00 UTC); 12:30 at −01:00 is 13:30 UTC, after it.
    const orders = [
      { netValue: eur(10), purchasedAt: '2026-06-30T13:30:00+02:00' },
      { netValue: eur(10), purchasedAt: '2026-06-30T12:30:00-01:00' },
    ];
    expect(classifySegment(orders, smallPolicy, asOf).purchaseCount).toBe(1);
  });

  it('judges at an asOf with an offset, and reports the window in UTC', () => {
    expect(classifySegment([], smallPolicy, '2026-06-30T14:00:00+02:00')).toMatchObject({
      windowStart: '2026-05-31T12:00:00.000Z', windowEnd: '2026-06-30T12:00:00.000Z',
    });
  });

  it('ignores orders in another currency and orders refunded to zero', () => {
    expect(classifySegment([order(500, 1, 'USD'), order(0), order(20)], smallPolicy, asOf)).toMatchObject({ segment: 'B', purchaseCount: 1 });
    expect(segmentOf([order(500, 1, 'USD'), order(0)])).toBe('A');
  });

  it('uses the default policy: 365 days, 1,000.00 EUR, 4 purchases', () => {
    const year = [order(1000, 1), order(1000, 100), order(1000, 200), order(1000, 364)];
    expect(classifySegment(year, defaultSegmentPolicy, asOf).segment).toBe('E');
    expect(classifySegment([...year.slice(0, 3), order(1000, 366)], defaultSegmentPolicy, asOf).segment).toBe('C');
  });

  it('handles amounts at the wire cap without losing a cent', () => {
    const big = [order(999_999_999.99), order(999_999_999.99), order(0.01)];
    expect(classifySegment(big, smallPolicy, asOf).averageOrderValue).toEqual(eur(666_666_666.66));
  });
});

describe('minor units', () => {
  it.each([[0.29, 29], [19.99, 1999], [999_999_999.99, 99_999_999_999], [0, 0]])('%p is %p cents', (amount, cents) => {
    expect(toMinorUnits(amount)).toBe(cents);
    expect(fromMinorUnits(cents, 'EUR')).toEqual(eur(amount));
  });

  it.each([[10, 3, 3], [11, 3, 4], [3, 2, 2], [1, 2, 1], [5, 5, 1]])('average of %p over %p rounds half up to %p', (total, count, average) => {
    expect(roundedAverage(total, count)).toBe(average);
  });
});
