import type { ConsumedEvent } from '@meridian/platform/kafka';
import type { DocumentQuery, ReadModelStorage } from '@meridian/platform/projections';
import { applyEvent, createMemoryReadModelStorage } from '@meridian/platform/projections';
import type { FunnelEntry } from './sales-funnel.model';
import { salesFunnelProjection } from './sales-funnel.projection';
import { salesFunnelReport } from './sales-funnel.queries';
import { after, dealStream } from './testing/funnel-events';

/** Deals of two tenants in three cohort months, on two partition lanes (as Kafka would split them). */
const history = (): ConsumedEvent[][] => {
  const deals: ConsumedEvent[][] = [];
  for (const [n, month] of ['2026-01', '2026-02', '2026-02', '2026-04', '2026-04', '2026-04'].entries()) {
    const deal = dealStream(`o${n}`, n % 2 === 0 ? 'tenant-a' : 'tenant-b');
    const openedAt = `${month}-10T09:00:00.000Z`;
    const events = [deal.opened({ openedAt, ownerId: n % 3 === 0 ? 'rep-ana' : 'rep-bo' }), deal.moved('lead', 'qualified', after(3_600 * (n + 1)))];
    if (n % 2 === 1) events.push(deal.won('qualified', { amount: 500 + n, currency: 'EUR' }, after(7_200 * (n + 1))));
    deals.push(events);
  }
  return deals;
};

const projected = async () => {
  const storage = createMemoryReadModelStorage<FunnelEntry>();
  for (const [n, events] of history().entries()) {
    const lane = `crm.opportunities#${n % 2}`;
    for (const event of events) await applyEvent(salesFunnelProjection, storage, event, { id: lane, sequence: event.globalPosition + n * 10 });
    await storage.progress.record({ lane, sequence: 1_000 + n, position: 1_000 + n });
  }
  return storage;
};

/** The same storage with the cohort counter hidden from lookups by id: what a generation built before it looks like. */
const withoutLookups = (storage: ReadModelStorage<FunnelEntry>) => ({ ...storage, counters: { ...storage.counters, figuresOf: async () => [] } });

describe('the sales funnel report', () => {
  it.each([
    [{ tenantId: 'tenant-a' }],
    [{ tenantId: 'tenant-b' }],
    [{ tenantId: 'tenant-b', fromMonth: '2026-02', toMonth: '2026-03' }],
    [{ tenantId: 'tenant-a', fromMonth: '2026-04' }],
    [{ tenantId: 'tenant-a', split: { dimension: 'owner', value: 'rep-ana' } as const }],
    [{ tenantId: 'nobody' }],
  ])('reads by id exactly what filtering the counters by their keys finds (%j)', async (query) => {
    const storage = await projected();
    expect(await salesFunnelReport(storage, query)).toEqual(await salesFunnelReport(withoutLookups(storage), query));
  });

  it('counts the right deals: tenant-b opened 3, one in February and two in April, and won all three', async () => {
    const report = await salesFunnelReport(await projected(), { tenantId: 'tenant-b' });
    expect(report.opportunities).toBe(3);
    expect(report.won.count).toBe(3);
    expect((await salesFunnelReport(await projected(), { tenantId: 'tenant-b', toMonth: '2026-03' })).opportunities).toBe(1);
  });

  it('never filters the counters when the tenant has a cohort counter', async () => {
    const storage = await projected();
    const filtered: unknown[] = [];
    const watched = { ...storage, counters: { ...storage.counters, find: async (query: DocumentQuery) => (filtered.push(query), storage.counters.find(query)) } };
    await salesFunnelReport(watched, { tenantId: 'tenant-a', fromMonth: '2026-01' });
    expect(filtered).toEqual([]);
  });
});
