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
    for (const entry of entries.values()) {
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

  it('counts nothing for events of a deal it never saw open', () => {
    expect(projectFunnel([qualified, won])).toEqual(projectFunnel([]));
  });
});
