import { projectAll } from '@meridian/platform/projections';
import { funnelCohortsCounterIdOf } from './sales-funnel.cohorts';
import { contributionOf, funnelBucketsOf, funnelCounterIdOf } from './sales-funnel.counters';
import { salesFunnelProjection } from './sales-funnel.projection';
import { after, dealStream, projectFunnel, randomDealEvents, seededRandom } from './testing/funnel-events';

const deal = dealStream('o1');
const opened = deal.opened();
const qualified = deal.moved('lead', 'qualified', after(60));
const won = deal.won('qualified', { amount: 1500, currency: 'EUR' }, after(120));
const reassigned = deal.reassigned('rep-ana', 'rep-bo');

describe('sales funnel projection', () => {
  it('the same event twice changes nothing: neither the entry nor the counters', () => {
    const once = projectFunnel([opened, qualified, won, reassigned]);
    for (const again of [opened, qualified, won, reassigned]) expect(projectFunnel([again], once)).toEqual(once);
    expect(projectFunnel([won, qualified, won], once)).toEqual(once);
    const entries = projectAll(salesFunnelProjection, [opened, qualified]);
    expect(projectAll(salesFunnelProjection, [qualified], entries)).toEqual(entries);
  });

  it('computes no delta for an entry compared with itself', () => {
    const entry = projectAll(salesFunnelProjection, [opened, qualified]).get(deal.streamId) ?? null;
    expect(entry).not.toBeNull();
    expect(salesFunnelProjection.counterDeltasOf(entry, entry)).toEqual([]);
  });

  it('keeps in the counters exactly what its entries contribute, whatever is redelivered', () => {
    const random = seededRandom(7);
    const streams = Array.from({ length: 30 }, (_, index) => randomDealEvents(random, `o${index}`, 1 + Math.floor(random() * 15)));
    // Each stream in its own order, as within a partition, with some events redelivered.
    const delivered = streams.flatMap((events) => events.flatMap((event) => (random() < 0.2 ? [event, event] : [event])));
    const { entries, counters } = projectFunnel(delivered);
    expect(projectFunnel(streams.flat())).toEqual({ entries, counters });
    const expected = new Map<string, Record<string, number>>();
    // An archived deal counts nowhere, not even in its cohort.
    for (const entry of [...entries.values()].filter(({ archived }) => !archived)) {
      for (const bucket of funnelBucketsOf(entry)) {
        const total = expected.get(funnelCounterIdOf(bucket)) ?? {};
        for (const [field, value] of Object.entries(contributionOf(entry))) total[field] = (total[field] ?? 0) + value;
        expected.set(funnelCounterIdOf(bucket), total);
      }
      // The tenant's cohort counter holds one deal per entry in its opening month.
      const cohorts = expected.get(funnelCohortsCounterIdOf(entry.tenantId)) ?? {};
      cohorts[`cohorts.${entry.cohortMonth}`] = (cohorts[`cohorts.${entry.cohortMonth}`] ?? 0) + 1;
      expected.set(funnelCohortsCounterIdOf(entry.tenantId), cohorts);
    }
    const nonZero = new Map([...counters].map(([id, figures]) => [id, Object.fromEntries(Object.entries(figures).filter(([, value]) => value !== 0))]));
    expect(new Map([...nonZero].filter(([, figures]) => Object.keys(figures).length > 0))).toEqual(expected);
  });

  describe('archive and restore', () => {
    const nonZero = (counters: ReadonlyMap<string, Readonly<Record<string, number>>>) =>
      new Map([...counters]
        .map(([id, figures]) => [id, Object.fromEntries(Object.entries(figures).filter(([, value]) => value !== 0))] as const)
        .filter(([, figures]) => Object.keys(figures).length > 0));
    const d = dealStream('o2');
    const history = [d.opened(), d.moved('lead', 'proposal', after(60)), d.won('proposal', { amount: 700.25, currency: 'USD' }, after(120))];
    const archived = d.archived('won', after(180));
    const restored = d.restored('won', after(240));
    const other = dealStream('o3');
    const otherDeal = [other.opened({ ownerId: 'rep-bo' }), other.moved('lead', 'qualified', after(30))];

    it('an archived deal leaves every count, amount, reach, dwell and its cohort; the entry keeps it whole', () => {
      const before = projectFunnel([...otherDeal, ...history]);
      const alone = projectFunnel(otherDeal);
      const whileArchived = projectFunnel([archived], before);
      expect(nonZero(whileArchived.counters)).toEqual(nonZero(alone.counters));
      expect(whileArchived.entries.get(d.streamId)).toEqual({ ...before.entries.get(d.streamId), archived: true, streamRevision: 3, lastPosition: 103 });
    });

    it('a restore brings back exactly what the deal counted before', () => {
      const before = projectFunnel([...otherDeal, ...history]);
      const back = projectFunnel([archived, restored], before);
      expect(nonZero(back.counters)).toEqual(nonZero(before.counters));
      expect(back.entries.get(d.streamId)).toEqual({ ...before.entries.get(d.streamId), streamRevision: 4, lastPosition: 104 });
    });

    it('an archive or restore delivered twice, or late, changes neither the entry nor the counters', () => {
      const once = projectFunnel([...otherDeal, ...history, archived]);
      expect(projectFunnel([archived], once)).toEqual(once);
      const restoredOnce = projectFunnel([restored], once);
      expect(projectFunnel([restored, archived, restored], restoredOnce)).toEqual(restoredOnce);
    });

    it('counts an archived open deal out of its stage too, and back in it when restored', () => {
      const e = dealStream('o4');
      const open = [e.opened({ amount: { amount: 50, currency: 'EUR' } }), e.moved('lead', 'negotiation', after(10))];
      const all = (state: ReturnType<typeof projectFunnel>) => state.counters.get(funnelCounterIdOf({ tenantId: 'tenant-a', cohortMonth: '2026-03', dimension: 'all', value: '' })) ?? {};
      const before = projectFunnel(open);
      expect(all(before)).toMatchObject({ opportunities: 1, 'open.negotiation.count': 1, 'open.negotiation.amount.EUR': 5000, 'reached.negotiation': 1 });
      const whileArchived = projectFunnel([e.archived('negotiation', after(20))], before);
      expect(Object.values(all(whileArchived)).every((value) => value === 0)).toBe(true);
      expect(whileArchived.counters.get(funnelCohortsCounterIdOf('tenant-a'))).toEqual({ 'cohorts.2026-03': 0 });
      expect(all(projectFunnel([e.restored('negotiation', after(30))], whileArchived))).toEqual(all(before));
    });
  });

  it('counts nothing for events of a deal it never saw open', () => {
    expect(projectFunnel([qualified, won])).toEqual(projectFunnel([]));
  });
});
