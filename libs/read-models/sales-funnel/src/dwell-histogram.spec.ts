import { dwellBucketIndexOf, dwellBucketKeyOf, medianOfHistogram } from './dwell-histogram';
import { seededRandom } from './testing/funnel-events';

/** Given these samples were counted, the histogram's counts and sums per bucket. */
const histogramOf = (samples: readonly number[]) => {
  const counts: Record<string, number> = {};
  const sums: Record<string, number> = {};
  for (const seconds of samples) {
    const key = dwellBucketKeyOf(seconds);
    counts[key] = (counts[key] ?? 0) + 1;
    sums[key] = (sums[key] ?? 0) + seconds;
  }
  return { counts, sums };
};

const medianOf = (samples: readonly number[]) => {
  const { counts, sums } = histogramOf(samples);
  return medianOfHistogram(counts, sums);
};

const exactMedianOf = (samples: readonly number[]): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

describe('dwell histogram', () => {
  it('keeps zero apart and gives each 1% band of seconds its own bucket', () => {
    expect(dwellBucketKeyOf(0)).toBe('h0');
    expect(dwellBucketKeyOf(1)).toBe('h1');
    expect(dwellBucketKeyOf(2)).toBe(`h${Math.floor(Math.log(2) / Math.log(1.01)) + 1}`);
    // 100 and 101 are exactly 1% apart: neighbouring buckets, never the same one.
    expect(dwellBucketIndexOf(101)).toBe(dwellBucketIndexOf(100) + 1);
    for (let seconds = 1; seconds < 5000; seconds += 1) {
      const k = dwellBucketIndexOf(seconds);
      expect(1.01 ** (k - 1)).toBeLessThanOrEqual(seconds * (1 + 1e-12));
      expect(seconds).toBeLessThan(1.01 ** k * (1 + 1e-12));
    }
  });

  it('has no median without samples', () => {
    expect(medianOfHistogram({}, {})).toBeNull();
    expect(medianOfHistogram({ h5: 0 }, { h5: 0 })).toBeNull();
  });

  it('takes the middle sample of an odd count, exactly when it is alone in its bucket', () => {
    expect(medianOf([5, 3600, 86400])).toBe(3600);
    expect(medianOf([0, 0, 7])).toBe(0);
  });

  it('averages the two middle samples of an even count', () => {
    expect(medianOf([10, 20, 1000, 5000])).toBe(510);
    expect(medianOf([0, 4])).toBe(2);
  });

  it('is exact when the samples in the middle bucket are equal', () => {
    expect(medianOf([3600, 3600, 3600, 7, 90000])).toBe(3600);
    expect(medianOf([3600, 3600, 1, 99999])).toBe(3600);
  });

  it('estimates with the mean of the bucket when its samples differ', () => {
    // 1000 and 1005 share a bucket: each rank is estimated as 1002.5.
    expect(dwellBucketKeyOf(1000)).toBe(dwellBucketKeyOf(1005));
    expect(medianOf([1, 1000, 1005])).toBe(1002.5);
  });

  it('walks the buckets in index order, not in the order of their keys as text', () => {
    // 1, 3, 2 fall in h1, h111, h70: counted in that order, as text h111 < h70.
    expect([1, 3, 2].map(dwellBucketKeyOf)).toEqual(['h1', 'h111', 'h70']);
    expect(medianOf([1, 3, 2])).toBe(2);
  });

  it('stays within 1% of the exact median on random data', () => {
    const random = seededRandom(20260301);
    for (let run = 0; run < 300; run += 1) {
      const n = 1 + Math.floor(random() * 60);
      // Log-uniform up to ~10^7 s, with some zeros, like real stays.
      const samples = Array.from({ length: n }, () => (random() < 0.05 ? 0 : Math.round(Math.exp(random() * 16))));
      const exact = exactMedianOf(samples);
      const estimate = medianOf(samples) as number;
      expect(Math.abs(estimate - exact)).toBeLessThanOrEqual(exact * 0.01 + 1e-9);
    }
  });
});
