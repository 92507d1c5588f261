import type { Connection } from 'mongoose';
import type { CounterStore, GenerationCollections } from '@meridian/platform/projections';
import { sumCounterFigures } from '@meridian/platform/projections';
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

/**
 * The funnel of a tenant's cohorts in a month range, optionally for one
 * owner, region, product line or source channel. The projection keeps the
 * figures as counters; this only sums the per-lane documents of the matching
 * buckets (a handful per month) and derives rates, dwell and drop-off.
 */
export const salesFunnelReport = async (counters: CounterStore, query: SalesFunnelQuery): Promise<FunnelReport> => {
  const figures = await counters.find({
    equals: { tenantId: query.tenantId, dimension: query.split?.dimension ?? 'all', value: query.split?.value ?? '' },
    ranges: { cohortMonth: { gte: query.fromMonth, lte: query.toMonth } },
  });
  return funnelReportOf(sumCounterFigures(figures));
};
