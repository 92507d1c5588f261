import type { CounterDelta, CounterFigures } from '@meridian/platform/projections';
import type { FunnelEntry } from './sales-funnel.model';

/**
 * Per tenant, one more counter: how many deals each cohort month holds. A
 * query reads it first and then names exactly the month buckets it needs, so
 * every read is a lookup by id; a filter on the counters' keys would scan
 * them all on FerretDB. `*` is never a month, so its id collides with no bucket.
 */
export const funnelCohortsCounterIdOf = (tenantId: string): string => [tenantId, '*', 'cohorts', ''].map(encodeURIComponent).join('|');

const cohortField = (month: string) => `cohorts.${month}`;

/** A deal counts in its cohort while it exists and is not archived. */
const counted = (entry: FunnelEntry | null): FunnelEntry | null => (entry === null || entry.archived ? null : entry);

/**
 * +1 for the cohort a deal enters, -1 for the one it leaves (a deal's cohort
 * is its opening month, so that only happens at creation, removal, archive and restore).
 */
export const funnelCohortDeltas = (beforeEvent: FunnelEntry | null, afterEvent: FunnelEntry | null): CounterDelta[] => {
  const entry = afterEvent ?? beforeEvent;
  if (entry === null) return [];
  const before = counted(beforeEvent);
  const after = counted(afterEvent);
  const increments: Record<string, number> = {};
  if (before !== null) increments[cohortField(before.cohortMonth)] = (increments[cohortField(before.cohortMonth)] ?? 0) - 1;
  if (after !== null) increments[cohortField(after.cohortMonth)] = (increments[cohortField(after.cohortMonth)] ?? 0) + 1;
  const moved = Object.fromEntries(Object.entries(increments).filter(([, value]) => value !== 0));
  if (Object.keys(moved).length === 0) return [];
  return [{ counterId: funnelCohortsCounterIdOf(entry.tenantId), keys: { tenantId: entry.tenantId, cohortMonth: '*', dimension: 'cohorts', value: '' }, increments: moved }];
};

/** The cohort months that hold deals, from the summed cohort counters, within the inclusive bounds. */
export const cohortMonthsIn = (cohorts: CounterFigures, fromMonth?: string, toMonth?: string): string[] =>
  Object.entries(cohorts)
    .filter(([field, deals]) => field.startsWith('cohorts.') && deals > 0)
    .map(([field]) => field.slice('cohorts.'.length))
    .filter((month) => (fromMonth === undefined || month >= fromMonth) && (toMonth === undefined || month <= toMonth))
    .sort();
