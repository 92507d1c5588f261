import type { ReadModelStorage } from '@meridian/platform/projections';
import { projectAll } from '@meridian/platform/projections';
import type { OrderListItem } from '../order-list.projection';
import { orderListProjection } from '../order-list.projection';
import type { OrderListQuery } from '../order-list.queries';
import { listOrders } from '../order-list.queries';
import { applyAll, orderListScenario } from './order-list.scenario';

type Filters = Omit<OrderListQuery, 'tenantId'>;

/**
 * The order list's queries over one scenario, run against every store
 * (memory in the unit spec; FerretDB and the SQL read store on PGlite and
 * PostgreSQL in the integration spec), so all answer the same. `open` gives
 * fresh, empty storage.
 */
export const orderListQueriesContract = (name: string, open: () => Promise<ReadModelStorage<OrderListItem>>): void => {
  describe(`order list queries: ${name}`, () => {
    const events = orderListScenario();
    let storage: ReadModelStorage<OrderListItem>;

    beforeAll(async () => {
      storage = await open();
      await applyAll(storage, events);
    });

    const ids = async (filters: Filters = {}, tenantId = 'tenant-a') => (await listOrders(storage.documents, { tenantId, ...filters })).items.map((item) => item.orderId);

    it('stores exactly what the pure projection computes, and a second delivery changes nothing', async () => {
      const expected = projectAll(orderListProjection, events);
      expect(expected.size).toBe(6);
      for (const [id, document] of expected) expect(await storage.documents.load(id)).toEqual(document);
      await applyAll(storage, events);
      for (const [id, document] of expected) expect(await storage.documents.load(id)).toEqual(document);
      expect(await storage.documents.load('order-o1')).toMatchObject({ status: 'confirmed', total: 100, paid: 100, outstanding: 0, netPaid: 100 });
      expect(await storage.documents.load('order-o2')).toMatchObject({ placedAt: '2026-01-21T00:30:00.000Z', status: 'placed', outstanding: 250.5 });
    });

    it('lists a tenant\'s orders newest first by default, or oldest first', async () => {
      expect(await ids()).toEqual(['o4', 'o3', 'o5', 'o2', 'o1']);
      expect(await ids({ direction: 'asc' })).toEqual(['o1', 'o2', 'o5', 'o3', 'o4']);
      expect(await ids({}, 'tenant-b')).toEqual(['o6']);
      expect(await ids({}, 'tenant-c')).toEqual([]);
    });

    it('filters by customer, status and opportunity, alone or together', async () => {
      expect(await ids({ customerId: 'cus-1' })).toEqual(['o4', 'o3', 'o1']);
      expect(await ids({ status: 'confirmed' })).toEqual(['o1']);
      expect(await ids({ status: 'drafted' })).toEqual(['o3']);
      expect(await ids({ status: 'cancelled' })).toEqual(['o4']);
      expect(await ids({ status: 'placed' })).toEqual(['o5', 'o2']);
      expect(await ids({ opportunityId: 'opp-1' })).toEqual(['o3']);
      expect(await ids({ opportunityId: 'opp-2' })).toEqual(['o5']);
      expect(await ids({ customerId: 'cus-1', status: 'placed' })).toEqual([]);
      expect(await ids({ customerId: 'cus-1', status: 'cancelled' })).toEqual(['o4']);
    });

    it('filters by the UTC day placed, both bounds inclusive', async () => {
      expect(await ids({ placedFrom: '2026-01-21', placedTo: '2026-01-31' })).toEqual(['o5', 'o2']);
      expect(await ids({ placedTo: '2026-01-20' })).toEqual(['o1']);
      expect(await ids({ placedFrom: '2026-02-01' })).toEqual(['o4', 'o3']);
      expect(await ids({ placedFrom: '2026-01-31', placedTo: '2026-01-31' })).toEqual(['o5']);
      expect(await ids({ placedFrom: '2026-03-01' })).toEqual([]);
    });

    it('sorts by total either way, ties broken by order id in the same direction', async () => {
      expect(await ids({ sortBy: 'total' })).toEqual(['o3', 'o5', 'o2', 'o1', 'o4']);
      expect(await ids({ sortBy: 'total', direction: 'asc' })).toEqual(['o4', 'o1', 'o2', 'o5', 'o3']);
      expect(await ids({ sortBy: 'placedAt', direction: 'desc', customerId: 'cus-1', placedFrom: '2026-01-11' })).toEqual(['o4', 'o3']);
      expect(await ids({ sortBy: 'total', direction: 'asc', customerId: 'cus-1', placedFrom: '2026-02-01' })).toEqual(['o4', 'o3']);
    });

    it('pages with hasMore from one extra row, and clamps limit and offset', async () => {
      const page = (offset: number) => listOrders(storage.documents, { tenantId: 'tenant-a', sortBy: 'total', direction: 'asc', limit: 2, offset });
      const pages = await Promise.all([page(0), page(2), page(4), page(6)]);
      expect(pages.map((p) => [p.items.map((i) => i.orderId), p.hasMore, p.limit, p.offset])).toEqual([
        [['o4', 'o1'], true, 2, 0],
        [['o2', 'o5'], true, 2, 2],
        [['o3'], false, 2, 4],
        [[], false, 2, 6],
      ]);
      const clamped = await listOrders(storage.documents, { tenantId: 'tenant-a', limit: 10_000, offset: -5 });
      expect([clamped.limit, clamped.offset, clamped.items.length]).toEqual([200, 0, 5]);
    });

    it('pages by keyset: each page after the last row of the one before, nextAfter null on the last', async () => {
      const first = await listOrders(storage.documents, { tenantId: 'tenant-a', sortBy: 'total', direction: 'asc', limit: 2 });
      expect([first.items.map((i) => i.orderId), first.nextAfter]).toEqual([['o4', 'o1'], [first.items[1]!.total, 'o1']]);
      const second = await listOrders(storage.documents, { tenantId: 'tenant-a', sortBy: 'total', direction: 'asc', limit: 2, after: first.nextAfter!, offset: 3 });
      expect([second.items.map((i) => i.orderId), second.hasMore, second.offset]).toEqual([['o2', 'o5'], true, 0]);
      const last = await listOrders(storage.documents, { tenantId: 'tenant-a', sortBy: 'total', direction: 'asc', limit: 2, after: second.nextAfter! });
      expect([last.items.map((i) => i.orderId), last.hasMore, last.nextAfter]).toEqual([['o3'], false, null]);
      const newest = await listOrders(storage.documents, { tenantId: 'tenant-a', limit: 4 });
      const rest = await listOrders(storage.documents, { tenantId: 'tenant-a', limit: 4, after: newest.nextAfter! });
      expect([...newest.items, ...rest.items].map((i) => i.orderId)).toEqual(await ids({}));
      expect(newest.nextAfter).toEqual([newest.items[3]!.placedAt, newest.items[3]!.orderId]);
    });
  });
};
