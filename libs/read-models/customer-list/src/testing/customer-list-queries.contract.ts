import type { ReadModelStorage } from '@meridian/platform/projections';
import { projectAll } from '@meridian/platform/projections';
import type { CustomerListItem } from '../customer-list.model';
import { customerLineage, findByEmailsOrPhones, findByNamePrefix } from '../customer-list.lookups';
import { customerListProjection } from '../customer-list.projection';
import type { CustomerListFilters, CustomerListPageRequest, CustomerListSort } from '../customer-list.queries';
import { customersInSegment, getCustomer, listCustomers, segmentDistribution } from '../customer-list.queries';
import { applyAll, customerListScenario } from './customer-list.scenario';

/**
 * The customer list's queries over one scenario, run against every store
 * (memory in the unit spec, mongoose on FerretDB in the integration spec),
 * so both answer the same. `open` gives fresh, empty storage.
 */
export const customerListQueriesContract = (name: string, open: () => Promise<ReadModelStorage<CustomerListItem>>): void => {
  describe(`customer list queries: ${name}`, () => {
    const { seed, unmerge, archive, restore } = customerListScenario();
    let storage: ReadModelStorage<CustomerListItem>;

    beforeAll(async () => {
      storage = await open();
      await applyAll(storage, seed);
    });

    const ids = async (filters: CustomerListFilters, sort?: CustomerListSort, page?: CustomerListPageRequest, tenantId = 'tenant-a') =>
      (await listCustomers(storage.documents, tenantId, filters, sort, page)).items.map((item) => item.customerId);

    it('stores exactly what the pure projection computes', async () => {
      const expected = projectAll(customerListProjection, seed);
      for (const [id, document] of expected) expect(await storage.documents.load(id)).toEqual(document);
    });

    it('lists a tenant\'s active customers by folded name; merged ones only on request', async () => {
      expect(await ids({})).toEqual(['acme', 'globex', 'initech', 'zoe']);
      expect(await ids({ includeMerged: true })).toEqual(['acme', 'acme2', 'globex', 'initech', 'zoe']);
      expect(await ids({}, {}, {}, 'tenant-b')).toEqual(['other']);
      expect(await ids({}, {}, {}, 'tenant-c')).toEqual([]);
    });

    it('filters by tag, group, region, industry, intent, owner and segment, alone or together', async () => {
      expect(await ids({ tag: 'vip' })).toEqual(['acme', 'initech']);
      expect(await ids({ tag: ' VIP ' })).toEqual(['acme', 'initech']);
      expect(await ids({ group: 'key-accounts' })).toEqual(['acme']);
      expect(await ids({ region: 'emea' })).toEqual(['acme', 'globex']);
      expect(await ids({ industry: 'software' })).toEqual(['acme', 'initech']);
      expect(await ids({ intent: 'cold' })).toEqual(['initech']);
      expect(await ids({ ownerId: 'rep-ana' })).toEqual(['acme', 'initech', 'zoe']);
      expect(await ids({ segment: 'C' })).toEqual(['globex']);
      expect(await ids({ tag: 'vip', region: 'emea', intent: 'hot' })).toEqual(['acme']);
      expect(await ids({ tag: 'vip', region: 'na', segment: 'B' })).toEqual([]);
    });

    it('searches name words, contact names, emails, domains and phones by prefix', async () => {
      expect(await ids({ search: 'acm' })).toEqual(['acme']);
      expect(await ids({ search: 'acm', includeMerged: true })).toEqual(['acme', 'acme2']);
      expect(await ids({ search: 'ZOË' })).toEqual(['zoe']);
      expect(await ids({ search: 'zimm' })).toEqual(['zoe']);
      expect(await ids({ search: 'stone' })).toEqual(['acme']);
      expect(await ids({ search: 'bob@acme' })).toEqual(['acme']);
      expect(await ids({ search: 'globex.de' })).toEqual(['globex']);
      expect(await ids({ search: '+1 555 0104' })).toEqual(['acme']);
      // As dialled at home: no country code.
      expect(await ids({ search: '(555) 010-4477' })).toEqual(['acme']);
      expect(await ids({ search: '4930' })).toEqual(['globex']);
      expect(await ids({ search: 'gmbh', region: 'emea' })).toEqual(['globex']);
      expect(await ids({ search: '   ' })).toEqual(['acme', 'globex', 'initech', 'zoe']);
      expect(await ids({ search: 'nobody' })).toEqual([]);
    });

    it('sorts by registration either way, and pages with hasMore from one extra row', async () => {
      expect(await ids({}, { by: 'registeredAt' })).toEqual(['globex', 'acme', 'initech', 'zoe']);
      expect(await ids({}, { by: 'name', direction: 'desc' })).toEqual(['zoe', 'initech', 'globex', 'acme']);
      const first = await listCustomers(storage.documents, 'tenant-a', {}, { by: 'registeredAt', direction: 'desc' }, { limit: 3 });
      expect([first.items.map((i) => i.customerId), first.hasMore, first.limit, first.offset]).toEqual([['zoe', 'initech', 'acme'], true, 3, 0]);
      const last = await listCustomers(storage.documents, 'tenant-a', {}, { by: 'registeredAt', direction: 'desc' }, { limit: 3, offset: 3 });
      expect([last.items.map((i) => i.customerId), last.hasMore]).toEqual([['globex'], false]);
      const clamped = await listCustomers(storage.documents, 'tenant-a', {}, {}, { limit: 10_000, offset: -5 });
      expect([clamped.limit, clamped.offset]).toEqual([200, 0]);
    });

    it('pages by keyset: each page after the last row of the one before, nextAfter null on the last', async () => {
      const sort = { by: 'registeredAt', direction: 'desc' } as const;
      const first = await listCustomers(storage.documents, 'tenant-a', {}, sort, { limit: 3 });
      expect([first.items.map((i) => i.customerId), first.nextAfter]).toEqual([['zoe', 'initech', 'acme'], [first.items[2]!.registeredAt, 'acme']]);
      const last = await listCustomers(storage.documents, 'tenant-a', {}, sort, { limit: 3, after: first.nextAfter!, offset: 2 });
      expect([last.items.map((i) => i.customerId), last.hasMore, last.offset, last.nextAfter]).toEqual([['globex'], false, 0, null]);
      const byName = await listCustomers(storage.documents, 'tenant-a', {}, {}, { limit: 2 });
      expect(byName.nextAfter).toEqual([byName.items[1]!.nameKey, byName.items[1]!.customerId]);
      expect((await listCustomers(storage.documents, 'tenant-a', {}, {}, { after: byName.nextAfter! })).items.map((i) => i.customerId)).toEqual(['initech', 'zoe']);
    });

    it('gets one customer of the tenant, merged ones included', async () => {
      expect(await getCustomer(storage.documents, 'tenant-a', 'acme')).toMatchObject({ name: 'Acme Corp', absorbed: ['acme2'], segment: 'B' });
      expect(await getCustomer(storage.documents, 'tenant-a', 'acme2')).toMatchObject({ status: 'merged', mergedInto: 'acme' });
      expect(await getCustomer(storage.documents, 'tenant-b', 'acme')).toBeNull();
      expect(await getCustomer(storage.documents, 'tenant-a', 'missing')).toBeNull();
    });

    it('finds duplicate candidates by email or phone, of the customer or its contacts, within the tenant', async () => {
      const found = async (emails: string[], phones: string[], includeMerged?: boolean) =>
        (await findByEmailsOrPhones(storage.documents, 'tenant-a', emails, phones, { includeMerged })).map((item) => item.customerId);
      expect(await found(['ann@acme.com'], [])).toEqual(['acme']);
      expect(await found(['bob@acme.com'], [])).toEqual(['acme']);
      expect(await found([], ['+15550104477'])).toEqual(['acme']);
      expect(await found([], ['+15550104477'], true)).toEqual(['acme', 'acme2']);
      expect(await found(['sales@globex.de', 'bill@initech.com'], ['+15550104477'])).toEqual(['acme', 'globex', 'initech']);
      expect(await found(['nobody@example.com'], [])).toEqual([]);
      expect(await found([], [])).toEqual([]);
    });

    it('finds similar-name candidates by folded name prefix in one region', async () => {
      const found = async (region: string, prefix: string, includeMerged?: boolean) =>
        (await findByNamePrefix(storage.documents, 'tenant-a', region, prefix, { includeMerged })).map((item) => item.customerId);
      expect(await found('emea', 'ACME')).toEqual(['acme']);
      expect(await found('emea', 'acme', true)).toEqual(['acme', 'acme2']);
      expect(await found('na', 'acme')).toEqual([]);
      expect(await found('emea', '  ')).toEqual([]);
    });

    it('follows the lineage of a survivor', async () => {
      expect(await customerLineage(storage.documents, 'tenant-a', 'acme')).toEqual(['acme', 'acme2']);
      expect(await customerLineage(storage.documents, 'tenant-a', 'globex')).toEqual(['globex']);
    });

    it('reads the segment distribution from counters; a merged-away customer is not counted', async () => {
      expect(await segmentDistribution(storage.counters, 'tenant-a')).toEqual({ segments: { A: 1, B: 1, C: 1, D: 0, E: 1 }, total: 4 });
      expect(await segmentDistribution(storage.counters, 'tenant-b')).toEqual({ segments: { A: 1, B: 0, C: 0, D: 0, E: 0 }, total: 1 });
      expect((await customersInSegment(storage.documents, 'tenant-a', 'E')).items.map((i) => i.customerId)).toEqual(['zoe']);
    });

    it('redelivered events change neither rows nor counters', async () => {
      const before = await segmentDistribution(storage.counters, 'tenant-a');
      await applyAll(storage, seed, 0);
      expect(await segmentDistribution(storage.counters, 'tenant-a')).toEqual(before);
      expect(await ids({ includeMerged: true })).toEqual(['acme', 'acme2', 'globex', 'initech', 'zoe']);
    });

    it('an unmerge puts the absorbed customer back in the list and the distribution', async () => {
      await applyAll(storage, unmerge, seed.length);
      expect(await segmentDistribution(storage.counters, 'tenant-a')).toEqual({ segments: { A: 1, B: 1, C: 1, D: 1, E: 1 }, total: 5 });
      expect(await ids({ search: 'acme' })).toEqual(['acme', 'acme2']);
      expect(await customerLineage(storage.documents, 'tenant-a', 'acme')).toEqual(['acme']);
    });

    it('an archive hides the customer from lists, segments, the distribution and the sweep; the filter shows it; a restore brings it back', async () => {
      await applyAll(storage, archive, seed.length + unmerge.length);
      expect(await getCustomer(storage.documents, 'tenant-a', 'globex')).toMatchObject({ status: 'archived', archivedAt: '2026-03-02T09:00:00.000Z', segment: 'C' });
      expect(await ids({})).toEqual(['acme', 'acme2', 'initech', 'zoe']);
      expect(await ids({ archived: 'exclude' })).toEqual(['acme', 'acme2', 'initech', 'zoe']);
      expect(await ids({ archived: 'include' })).toEqual(['acme', 'acme2', 'globex', 'initech', 'zoe']);
      expect(await ids({ archived: 'only' })).toEqual(['globex']);
      expect(await ids({ archived: 'only', region: 'emea', search: 'globex' })).toEqual(['globex']);
      expect(await ids({ archived: 'include', includeMerged: true, region: 'emea' })).toEqual(['acme', 'acme2', 'globex']);
      expect(await ids({ segment: 'C' })).toEqual([]);
      expect((await customersInSegment(storage.documents, 'tenant-a', 'C')).items).toEqual([]);
      expect(await segmentDistribution(storage.counters, 'tenant-a')).toEqual({ segments: { A: 1, B: 1, C: 0, D: 1, E: 1 }, total: 4 });
      const candidates = async (includeArchived?: boolean) =>
        (await findByEmailsOrPhones(storage.documents, 'tenant-a', ['sales@globex.de'], [], { includeArchived })).map((item) => item.customerId);
      expect([await candidates(), await candidates(true)]).toEqual([[], ['globex']]);
      const named = async (includeArchived?: boolean) =>
        (await findByNamePrefix(storage.documents, 'tenant-a', 'emea', 'glob', { includeArchived })).map((item) => item.customerId);
      expect([await named(), await named(true)]).toEqual([[], ['globex']]);

      await applyAll(storage, archive, seed.length + unmerge.length);
      expect(await segmentDistribution(storage.counters, 'tenant-a')).toEqual({ segments: { A: 1, B: 1, C: 0, D: 1, E: 1 }, total: 4 });

      await applyAll(storage, restore, seed.length + unmerge.length + archive.length);
      await applyAll(storage, restore, seed.length + unmerge.length + archive.length);
      expect(await getCustomer(storage.documents, 'tenant-a', 'globex')).toMatchObject({ status: 'active', archivedAt: null, segment: 'C' });
      expect(await ids({ segment: 'C' })).toEqual(['globex']);
      expect(await ids({ archived: 'only' })).toEqual([]);
      expect(await segmentDistribution(storage.counters, 'tenant-a')).toEqual({ segments: { A: 1, B: 1, C: 1, D: 1, E: 1 }, total: 5 });
    });
  });
};
