import { cohortMonthsIn, funnelCohortDeltas } from './sales-funnel.cohorts';
import type { FunnelEntry } from './sales-funnel.model';

const entry = (cohortMonth: string) => ({ tenantId: 't', cohortMonth }) as unknown as FunnelEntry;

describe('the tenant cohort counter of the sales funnel', () => {
  it('counts a deal into its cohort when it appears, out when it goes, and not at all in between', () => {
    expect(funnelCohortDeltas(null, entry('2026-03'))).toEqual([
      { counterId: 't|*|cohorts|', keys: { tenantId: 't', cohortMonth: '*', dimension: 'cohorts', value: '' }, increments: { 'cohorts.2026-03': 1 } },
    ]);
    expect(funnelCohortDeltas(entry('2026-03'), null)[0]?.increments).toEqual({ 'cohorts.2026-03': -1 });
    expect(funnelCohortDeltas(entry('2026-03'), entry('2026-03'))).toEqual([]);
    expect(funnelCohortDeltas(null, null)).toEqual([]);
  });

  it('names the months that hold deals within the bounds, in order', () => {
    const cohorts = { 'cohorts.2026-05': 2, 'cohorts.2025-12': 1, 'cohorts.2026-01': 0, 'cohorts.2026-02': 3 };
    expect(cohortMonthsIn(cohorts)).toEqual(['2025-12', '2026-02', '2026-05']);
    expect(cohortMonthsIn(cohorts, '2026-01', '2026-04')).toEqual(['2026-02']);
    expect(cohortMonthsIn(cohorts, undefined, '2025-12')).toEqual(['2025-12']);
    expect(cohortMonthsIn({}, '2026-01')).toEqual([]);
  });
});
