import type { Connection } from 'mongoose';
import type { CounterStore, GenerationCollections, ProgressStore } from '@meridian/platform/projections';
import { sumCounterFigures } from '@meridian/platform/projections';
import { cohortMonthsIn, funnelCohortsCounterIdOf } from './sales-funnel.cohorts';
import { funnelCounterIdOf } from './sales-funnel.counters';
import type { FunnelDimension, FunnelReport } from './sales-funnel.model';
import { funnelReportOf } from './sales-funnel.report';

/** The attributes the funnel can be split by (one at a time: each is its own rollup). */
export type FunnelSplit = Readonly<{ dimension: Exclude<FunnelDimension, 'all'>; value: string }>;

export type SalesFunnelQuery = Readonly<{
  tenantId: string;
  /** Inclusive `YYYY-MM` bounds on the cohort month (when the deals were opened). */
  fromMonth?: string;
  toMonth?: string;
  split?: FunnelSplit;
}>;

/** Queries read one rollup over a month range: an index range scan over a few documents per month. */
export const ensureSalesFunnelIndexes = async (connection: Connection, collections: GenerationCollections): Promise<void> => {
  await connection.collection(collections.counters).createIndex({ tenantId: 1, dimension: 1, value: 1, cohortMonth: 1 });
};

/** Counter documents per lookup: FerretDB pushes an `_id $in` of up to 1,000 values down to its index. */
const idsPerLookup = 500;

/**
 * The funnel of a tenant's cohorts in a month range, optionally for one
 * owner, region, product line or source channel. The projection keeps the
 * figures as counters; this sums the per-lane documents of the matching
 * buckets and derives rates, dwell and drop-off. Every read is by id: the
 * lanes from the progress marks, the months that hold deals from the
 * tenant's cohort counter, then exactly those buckets on those lanes.
 * A generation built before the cohort counter existed has none: it is read
 * by filtering on the keys, as it was (rebuild it to get the lookups).
 */
export const salesFunnelReport = async (
  storage: Readonly<{ counters: CounterStore; progress: ProgressStore }>,
  query: SalesFunnelQuery,
): Promise<FunnelReport> => {
  const dimension = query.split?.dimension ?? 'all';
  const value = query.split?.value ?? '';
  const lanes = (await storage.progress.marks()).map((mark) => mark.lane);
  const cohorts = sumCounterFigures(await storage.counters.figuresOf([funnelCohortsCounterIdOf(query.tenantId)], lanes));
  if (Object.keys(cohorts).length === 0) {
    const figures = await storage.counters.find({ equals: { tenantId: query.tenantId, dimension, value }, ranges: { cohortMonth: { gte: query.fromMonth, lte: query.toMonth } } });
    return funnelReportOf(sumCounterFigures(figures));
  }
  const ids = cohortMonthsIn(cohorts, query.fromMonth, query.toMonth).map((cohortMonth) => funnelCounterIdOf({ tenantId: query.tenantId, cohortMonth, dimension, value }));
  const perLookup = Math.max(1, Math.floor(idsPerLookup / Math.max(lanes.length, 1)));
  const figures = [];
  for (let from = 0; from < ids.length; from += perLookup) figures.push(...(await storage.counters.figuresOf(ids.slice(from, from + perLookup), lanes)));
  return funnelReportOf(sumCounterFigures(figures));
};
