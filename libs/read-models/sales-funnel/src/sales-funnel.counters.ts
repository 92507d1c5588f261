import type { CounterDelta, CounterFigures } from '@meridian/platform/projections';
import type { ContractMoney } from '@meridian/opportunities/contracts';
import { contractOpenStages } from '@meridian/opportunities/contracts';
import { dwellBucketKeyOf } from './dwell-histogram';
import { funnelCohortDeltas } from './sales-funnel.cohorts';
import { isOpenStage, openStageRank } from './sales-funnel.entry';
import type { FunnelBucket, FunnelEntry } from './sales-funnel.model';

/** The five rollups an entry counts in: the whole cohort, and one per attribute. */
export const funnelBucketsOf = (entry: FunnelEntry): FunnelBucket[] => {
  const { tenantId, cohortMonth } = entry;
  return [
    { tenantId, cohortMonth, dimension: 'all', value: '' },
    { tenantId, cohortMonth, dimension: 'owner', value: entry.ownerId },
    { tenantId, cohortMonth, dimension: 'region', value: entry.region },
    { tenantId, cohortMonth, dimension: 'productLine', value: entry.productLine },
    { tenantId, cohortMonth, dimension: 'sourceChannel', value: entry.sourceChannel },
  ];
};

/** Each part is URI-encoded, so a '|' inside a value cannot make two buckets share an id. */
export const funnelCounterIdOf = (bucket: FunnelBucket): string =>
  [bucket.tenantId, bucket.cohortMonth, bucket.dimension, bucket.value].map(encodeURIComponent).join('|');

/**
 * Money as whole minor units so `$inc` sums stay exact. The contract caps
 * amounts at two decimals, so rounding only removes binary noise (1200.1 × 100).
 */
export const minorUnitsOf = (amount: number): number => Math.round(amount * 100);

const add = (figures: Record<string, number>, field: string, value: number): void => {
  figures[field] = (figures[field] ?? 0) + value;
};

const addMoney = (figures: Record<string, number>, prefix: string, money: ContractMoney): void => {
  add(figures, `${prefix}.count`, 1);
  add(figures, `${prefix}.amount.${money.currency}`, minorUnitsOf(money.amount));
};

/**
 * Everything one deal adds to each of its buckets (nothing while archived). Fields at 0 (a 0 s stay's
 * seconds, a zero amount) are left out, as the deltas leave them out.
 * Currencies are `[A-Z]{3}` (contract), so they are safe as field path segments.
 */
export const contributionOf = (entry: FunnelEntry): CounterFigures => {
  // Archived: out of every count, amount, reach and dwell; a restore adds the whole contribution back.
  if (entry.archived) return {};
  const figures: Record<string, number> = { opportunities: 1 };
  if (isOpenStage(entry.stage)) addMoney(figures, `open.${entry.stage}`, entry.amount);
  if (entry.stage === 'won') addMoney(figures, 'won', entry.amount);
  if (entry.stage === 'lost') addMoney(figures, 'lost', entry.amount);
  // Monotone: a deal that skipped a stage or moved back still reached every stage up to its furthest.
  for (const stage of contractOpenStages) {
    if (entry.stage === 'won' || openStageRank(entry.furthestOpenStage) >= openStageRank(stage)) add(figures, `reached.${stage}`, 1);
  }
  // A reopened won deal is open again: it no longer counts as won.
  if (entry.stage === 'won') add(figures, 'reached.won', 1);
  for (const { stage, seconds } of entry.dwells) {
    const key = dwellBucketKeyOf(seconds);
    add(figures, `dwell.${stage}.count`, 1);
    add(figures, `dwell.${stage}.seconds`, seconds);
    add(figures, `dwell.${stage}.hist.${key}`, 1);
    add(figures, `dwell.${stage}.histSeconds.${key}`, seconds);
  }
  return Object.fromEntries(Object.entries(figures).filter(([, value]) => value !== 0));
};

const nonZeroDifference = (after: CounterFigures, before: CounterFigures): Record<string, number> => {
  const increments: Record<string, number> = {};
  for (const field of new Set([...Object.keys(after), ...Object.keys(before)])) {
    const difference = (after[field] ?? 0) - (before[field] ?? 0);
    if (difference !== 0) increments[field] = difference;
  }
  return increments;
};

/**
 * What to add to the counters when one event turns `before` into `after`:
 * per bucket of either, the contribution after minus the contribution before.
 * Buckets the change leaves alone get no delta, so an owner reassignment only
 * touches the two owner buckets. Summing the deltas of a stream's events gives
 * the final entry's contribution; `before === after` gives no delta at all.
 * A deal entering or leaving its cohort also moves the tenant's cohort
 * counter (sales-funnel.cohorts.ts).
 */
export const salesFunnelCounterDeltas = (before: FunnelEntry | null, after: FunnelEntry | null): CounterDelta[] => {
  const empty: CounterFigures = {};
  const buckets = new Map<string, Readonly<{ bucket: FunnelBucket; before: CounterFigures; after: CounterFigures }>>();
  if (before !== null) {
    const figures = contributionOf(before);
    for (const bucket of funnelBucketsOf(before)) buckets.set(funnelCounterIdOf(bucket), { bucket, before: figures, after: empty });
  }
  if (after !== null) {
    const figures = contributionOf(after);
    for (const bucket of funnelBucketsOf(after)) {
      const id = funnelCounterIdOf(bucket);
      buckets.set(id, { bucket, before: buckets.get(id)?.before ?? empty, after: figures });
    }
  }
  const bucketDeltas = [...buckets].flatMap(([counterId, { bucket, before: was, after: is }]) => {
    const increments = nonZeroDifference(is, was);
    if (Object.keys(increments).length === 0) return [];
    const { tenantId, cohortMonth, dimension, value } = bucket;
    return [{ counterId, keys: { tenantId, cohortMonth, dimension, value }, increments }];
  });
  return [...bucketDeltas, ...funnelCohortDeltas(before, after)];
};
