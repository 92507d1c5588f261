import type { CounterFigures } from '@meridian/platform/projections';
import { sumCounterFigures } from '@meridian/platform/projections';
import { funnelCounterIdOf } from './sales-funnel.counters';
import type { FunnelStageFigures } from './sales-funnel.model';
import { funnelReportOf } from './sales-funnel.report';
import { after, dealStream, projectFunnel } from './testing/funnel-events';

const allOf = (tenantId: string) => funnelCounterIdOf({ tenantId, cohortMonth: '2026-03', dimension: 'all', value: '' });

/** Given these deals' histories were projected, the figures of the tenant's whole cohort. */
const cohortFigures = (): CounterFigures => {
  const [a, b, c, d, e] = ['a', 'b', 'c', 'd', 'e'].map((id) => dealStream(id));
  if (a === undefined || b === undefined || c === undefined || d === undefined || e === undefined) throw new Error('five deals');
  const { counters } = projectFunnel([
    a.opened(),
    b.opened(), b.moved('lead', 'qualified', after(100)), b.lost('qualified', after(150)),
    c.opened(), c.moved('lead', 'qualified', after(200)), c.moved('qualified', 'proposal', after(500)), c.won('proposal', { amount: 2000.5, currency: 'USD' }, after(1200)),
    d.opened({ amount: { amount: 500, currency: 'EUR' } }), d.moved('lead', 'proposal', after(10)),
    e.opened({ amount: { amount: 5.05, currency: 'USD' } }),
  ]);
  return counters.get(allOf('tenant-a')) ?? {};
};

const noDwell = { samples: 0, averageSeconds: null, medianSeconds: null };

describe('sales funnel report', () => {
  it('reports counts, amounts, reach, conversion and dwell per stage, and the outcomes', () => {
    const report = funnelReportOf(cohortFigures());
    expect(report.opportunities).toBe(5);
    expect(report.stages).toEqual<FunnelStageFigures[]>([
      {
        stage: 'lead', count: 2, amounts: [{ currency: 'EUR', amount: 1000 }, { currency: 'USD', amount: 5.05 }], reached: 5, conversionToNext: 3 / 5,
        dwell: { samples: 3, averageSeconds: 310 / 3, medianSeconds: 100 },
      },
      { stage: 'qualified', count: 0, amounts: [], reached: 3, conversionToNext: 2 / 3, dwell: { samples: 2, averageSeconds: 175, medianSeconds: 175 } },
      { stage: 'proposal', count: 1, amounts: [{ currency: 'EUR', amount: 500 }], reached: 2, conversionToNext: 1 / 2, dwell: { samples: 1, averageSeconds: 700, medianSeconds: 700 } },
      { stage: 'negotiation', count: 0, amounts: [], reached: 1, conversionToNext: 1, dwell: noDwell },
    ]);
    expect(report.won).toEqual({ count: 1, amounts: [{ currency: 'USD', amount: 2000.5 }] });
    expect(report.lost).toEqual({ count: 1, amounts: [{ currency: 'EUR', amount: 1000 }] });
    expect(report.biggestDropOff).toEqual({ fromStage: 'proposal', toStep: 'negotiation', dropped: 1, rate: 0.5 });
  });

  it('reports the same funnel from per-lane documents summed', () => {
    const whole = cohortFigures();
    const firstHalf: Record<string, number> = {};
    const secondHalf: Record<string, number> = {};
    Object.entries(whole).forEach(([field, value], index) => {
      firstHalf[field] = index % 2 === 0 ? value : 1;
      secondHalf[field] = index % 2 === 0 ? 0 : value - 1;
    });
    expect(funnelReportOf(sumCounterFigures([firstHalf, secondHalf]))).toEqual(funnelReportOf(whole));
  });

  it('names the earliest transition when two convert equally badly', () => {
    const report = funnelReportOf({
      opportunities: 4, 'reached.lead': 4, 'reached.qualified': 2, 'reached.proposal': 1, 'reached.negotiation': 1, 'reached.won': 1,
    });
    expect(report.stages.map((stage) => stage.conversionToNext)).toEqual([0.5, 0.5, 1, 1]);
    expect(report.biggestDropOff).toEqual({ fromStage: 'lead', toStep: 'qualified', dropped: 2, rate: 0.5 });
  });

  it('skips transitions nobody reached the start of, and says won follows negotiation', () => {
    const report = funnelReportOf({ opportunities: 2, 'reached.lead': 2, 'reached.qualified': 2, 'reached.proposal': 2, 'reached.negotiation': 2 });
    expect(report.biggestDropOff).toEqual({ fromStage: 'negotiation', toStep: 'won', dropped: 2, rate: 1 });
    const none = funnelReportOf({ opportunities: 1, 'reached.lead': 1 });
    expect(none.stages.map((stage) => stage.conversionToNext)).toEqual([0, null, null, null]);
    expect(none.biggestDropOff).toEqual({ fromStage: 'lead', toStep: 'qualified', dropped: 1, rate: 1 });
  });

  it('leaves out a currency whose deals have all moved on', () => {
    const report = funnelReportOf({ opportunities: 1, 'open.lead.count': 0, 'open.lead.amount.USD': 0, 'open.proposal.count': 1, 'open.proposal.amount.USD': 1999 });
    expect(report.stages[0]?.amounts).toEqual([]);
    expect(report.stages[2]?.amounts).toEqual([{ currency: 'USD', amount: 19.99 }]);
  });

  it('reports zeros and nulls for a bucket without deals', () => {
    const report = funnelReportOf({});
    expect(report).toEqual({
      opportunities: 0,
      stages: (['lead', 'qualified', 'proposal', 'negotiation'] as const).map((stage) => ({ stage, count: 0, amounts: [], reached: 0, conversionToNext: null, dwell: noDwell })),
      won: { count: 0, amounts: [] },
      lost: { count: 0, amounts: [] },
      biggestDropOff: null,
    });
  });
});
