/**
 * A log-scale histogram of dwell seconds that counters can keep: per bucket a
 * count and a sum of seconds, both plain integers added with `$inc`, so lanes
 * and events merge by addition and a median needs no list of samples.
 *
 * Bucket `h0` holds exactly 0 s; bucket `h<k>` (k ≥ 1) holds the seconds s with
 * 1.01^(k−1) ≤ s < 1.01^k, i.e. k = ⌊ln s / ln 1.01⌋ + 1 (1 s falls in `h1`).
 * A bucket's estimate is the mean of its samples, which lies in the same
 * interval as each of them. So the estimate of the sample at any rank differs
 * from it by less than 1% of its value (bucket width / lower edge = 1%), and
 * is exact when the samples in that bucket are equal. The median of an even
 * count averages two such estimates, so it keeps the same bound.
 */

const growth = Math.log(1.01);

/** Bucket index: 0 for 0 s, else ⌊ln s / ln 1.01⌋ + 1. Seconds are whole and ≥ 0 (see the entry's dwell clamp). */
export const dwellBucketIndexOf = (seconds: number): number => (seconds <= 0 ? 0 : Math.floor(Math.log(seconds) / growth) + 1);

/** The counter field suffix of a sample's bucket: `h0`, `h1`, … */
export const dwellBucketKeyOf = (seconds: number): string => `h${dwellBucketIndexOf(seconds)}`;

const bucketPattern = /^h(\d+)$/;

type Bucket = Readonly<{ index: number; count: number; sum: number }>;

const bucketsOf = (counts: Readonly<Record<string, number>>, sums: Readonly<Record<string, number>>): Bucket[] =>
  Object.entries(counts)
    // A bucket every sample of which has since left (reopened or moved deal) stays behind as 0.
    .filter(([, count]) => count > 0)
    .flatMap(([key, count]) => {
      const match = bucketPattern.exec(key);
      return match === null ? [] : [{ index: Number(match[1]), count, sum: sums[key] ?? 0 }];
    })
    .sort((a, b) => a.index - b.index);

/** The estimate of the sample at 1-based `rank` (the buckets are in index order and hold at least `rank` samples). */
const estimateAt = (buckets: readonly Bucket[], rank: number): number => {
  let seen = 0;
  for (const bucket of buckets) {
    seen += bucket.count;
    if (seen >= rank) return bucket.sum / bucket.count;
  }
  throw new Error(`rank ${rank} is beyond the ${seen} samples`);
};

/**
 * The median of the samples, from bucket counts and sums keyed `h<k>`; null
 * with no samples. Odd n: the sample at rank (n+1)/2; even n: the mean of
 * ranks n/2 and n/2+1. Within 1% of the exact median (see above).
 */
export const medianOfHistogram = (counts: Readonly<Record<string, number>>, sums: Readonly<Record<string, number>>): number | null => {
  const buckets = bucketsOf(counts, sums);
  const n = buckets.reduce((total, bucket) => total + bucket.count, 0);
  if (n === 0) return null;
  if (n % 2 === 1) return estimateAt(buckets, (n + 1) / 2);
  return (estimateAt(buckets, n / 2) + estimateAt(buckets, n / 2 + 1)) / 2;
};
