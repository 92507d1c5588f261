import type { ReadModelStorage } from '@meridian/platform/projections';
import { projectAll } from '@meridian/platform/projections';
import { lastInteraction, lifetimeRevenue, openOpportunities, ordersWithPayments } from '../customer-activity.assembly';
import type { CustomerActivityDocument } from '../customer-activity.model';
import { customerActivityProjection } from '../customer-activity.projection';
import { customer360Parts } from '../customer-activity.queries';
import { timeline } from '../customer-activity.timeline';
import { applyAll, customerActivityScenario } from './customer-activity.scenario';

/** Customer 360 over one scenario, on every store (memory in the unit spec, FerretDB in the integration spec). */
export const customerActivityQueriesContract = (name: string, open: () => Promise<ReadModelStorage<CustomerActivityDocument>>): void => {
  describe(`customer activity queries: ${name}`, () => {
    const events = customerActivityScenario();
    let storage: ReadModelStorage<CustomerActivityDocument>;
    let parts: CustomerActivityDocument[];

    beforeAll(async () => {
      storage = await open();
      await applyAll(storage, events);
      parts = await customer360Parts(storage.documents, 'tenant-a', ['c1', 'c2']);
    });

    it('stores exactly what the pure projection computes', async () => {
      for (const [id, document] of projectAll(customerActivityProjection, events)) expect(await storage.documents.load(id)).toEqual(document);
    });

    it('reads the documents of a whole lineage in one query, within the tenant', async () => {
      expect(parts.map((p) => p.sourceStreamId)).toEqual(['customer-c1', 'customer-c2', 'opportunity-o1', 'opportunity-o2', 'opportunity-o3', 'order-r1', 'order-r2']);
      expect((await customer360Parts(storage.documents, 'tenant-b', ['c1'])).map((p) => p.sourceStreamId)).toEqual(['order-r4']);
      expect(await customer360Parts(storage.documents, 'tenant-a', [])).toEqual([]);
      expect((await customer360Parts(storage.documents, 'tenant-a', ['c3', 'c3'])).map((p) => p.sourceStreamId)).toEqual(['customer-c3', 'order-r3']);
    });

    it('assembles revenue, open deals, orders and the last interaction across the lineage', () => {
      expect(lifetimeRevenue(parts)).toEqual([{ amount: 0.3, currency: 'EUR' }, { amount: 90, currency: 'USD' }]);
      expect(openOpportunities(parts).map((o) => [o.opportunityId, o.customerId])).toEqual([['o2', 'c2'], ['o1', 'c1']]);
      expect(ordersWithPayments(parts).map((o) => [o.orderId, o.status, o.netPaid, o.payments.length, o.lastPaymentAt])).toEqual([
        ['r1', 'confirmed', { amount: 0.3, currency: 'EUR' }, 2, '2026-03-08T00:00:00.000Z'],
        ['r2', 'confirmed', { amount: 90, currency: 'USD' }, 1, '2026-03-04T02:00:00.000Z'],
      ]);
      expect(lastInteraction(parts)).toMatchObject({ interactionId: 'i2', customerId: 'c2', summary: 'site visit' });
    });

    it('pages the merged timeline newest first', () => {
      const first = timeline(parts, { limit: 3 });
      // Both merge events share an instant: the later position (c2's, appended after c1's) comes first.
      expect(first.items.map((i) => [i.type, i.customerId])).toEqual([
        ['CustomerMergedInto', 'c2'], ['CustomersMerged', 'c1'], ['OrderRefunded', 'c2'],
      ]);
      const rest = timeline(parts, { before: first.next ?? undefined, limit: 100 });
      expect(rest.next).toBeNull();
      expect(first.items.length + rest.items.length).toBe(parts.reduce((n, p) => n + p.entries.length, 0));
      const instants = [...first.items, ...rest.items].map((i) => i.at);
      expect(instants).toEqual([...instants].sort().reverse());
    });

    it('redelivered events change nothing', async () => {
      await applyAll(storage, events);
      expect(await customer360Parts(storage.documents, 'tenant-a', ['c1', 'c2'])).toEqual(parts);
    });
  });
};
