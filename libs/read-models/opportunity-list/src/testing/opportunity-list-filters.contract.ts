import type { ConsumedEvent } from '@meridian/platform/kafka';
import type { ReadModelStorage } from '@meridian/platform/projections';
import { projectAll } from '@meridian/platform/projections';
import type { OpportunityListItem } from '../opportunity-list.projection';
import { opportunityListProjection } from '../opportunity-list.projection';
import type { OpportunityListQuery } from '../opportunity-list.queries';
import { listOpportunities } from '../opportunity-list.queries';
import { at, consumed, openedPayload } from './opportunity-events';

/** Label → name, customer, tenant, and whether the deal ends archived (`archived`), or archived then restored (`restored`). */
const deals = {
  n1: { name: 'North Wind: fleet telematics', customerId: 'cust-acme', tenantId: 'tenant-a', fate: 'active' },
  n2: { name: 'Northwind renewal', customerId: 'cust-acme', tenantId: 'tenant-a', fate: 'archived' },
  n3: { name: 'Fleet renewal 2027', customerId: 'cust-globex', tenantId: 'tenant-a', fate: 'restored' },
  n4: { name: 'Müller Ærø rollout', customerId: 'cust-globex', tenantId: 'tenant-a', fate: 'active' },
  n5: { name: 'Windmill service', customerId: 'cust-acme', tenantId: 'tenant-a', fate: 'archived' },
  n6: { name: 'North Wind: fleet telematics', customerId: 'cust-acme', tenantId: 'tenant-b', fate: 'active' },
} as const;
type Label = keyof typeof deals;

/** Each deal's stream; expected close dates follow the labels, so the default order is n1, n2, … */
const streamOf = (label: Label): ConsumedEvent[] => {
  const { name, customerId, tenantId, fate } = deals[label];
  const streamId = `opportunity-${label}`;
  const envelope = (revision: number) => ({ streamId, revision, position: revision + 1, tenantId });
  const opened = consumed('OpportunityOpened', openedPayload(label, { name, customerId, expectedCloseDate: `2026-06-0${label.slice(1)}` }), envelope(0));
  if (fate === 'active') return [opened];
  const archived = consumed('OpportunityArchived', { opportunityId: label, stage: 'lead', archivedAt: at }, envelope(1));
  if (fate === 'archived') return [opened, archived];
  return [opened, archived, consumed('OpportunityRestored', { opportunityId: label, stage: 'lead', restoredAt: at }, envelope(2))];
};

/**
 * The list's customer, name and archive filters, on one store. Every expected
 * answer is written out by hand from the table above.
 */
export const opportunityListFiltersContract = (
  storeName: string,
  open: () => Promise<ReadModelStorage<OpportunityListItem>>,
): void => {
  describe(`opportunity list filters (${storeName})`, () => {
    let storage: ReadModelStorage<OpportunityListItem>;

    beforeAll(async () => {
      storage = await open();
      const documents = projectAll(opportunityListProjection, (Object.keys(deals) as Label[]).flatMap(streamOf));
      for (const [id, document] of documents) await storage.documents.save(id, document);
    });

    const labelsOf = async (query: Partial<OpportunityListQuery>): Promise<string[]> =>
      (await listOpportunities(storage.documents, { tenantId: 'tenant-a', ...query })).items.map((item) => item.opportunityId);

    it('hides archived deals by default and with archived=exclude; a restored deal is back', async () => {
      expect(await labelsOf({})).toEqual(['n1', 'n3', 'n4']);
      expect(await labelsOf({ archived: 'exclude' })).toEqual(['n1', 'n3', 'n4']);
    });

    it('shows only archived deals with archived=only, and every deal with archived=include', async () => {
      expect(await labelsOf({ archived: 'only' })).toEqual(['n2', 'n5']);
      expect(await labelsOf({ archived: 'include' })).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    });

    it('filters by exact customer id, within the tenant', async () => {
      expect(await labelsOf({ customerId: 'cust-acme' })).toEqual(['n1']);
      expect(await labelsOf({ customerId: 'cust-acme', archived: 'include' })).toEqual(['n1', 'n2', 'n5']);
      expect(await labelsOf({ customerId: 'cust-globex' })).toEqual(['n3', 'n4']);
      expect(await labelsOf({ customerId: 'cust-ACME' })).toEqual([]);
      expect(await labelsOf({ customerId: 'cust' })).toEqual([]);
    });

    it('finds a name by the prefix of any word or run of words, whatever the case, accents or punctuation', async () => {
      expect(await labelsOf({ name: 'north', archived: 'include' })).toEqual(['n1', 'n2']);
      expect(await labelsOf({ name: 'wind', archived: 'include' })).toEqual(['n1', 'n5']);
      expect(await labelsOf({ name: 'WIND FL' })).toEqual(['n1']);
      expect(await labelsOf({ name: 'north wind: fleet' })).toEqual(['n1']);
      expect(await labelsOf({ name: 'fleet' })).toEqual(['n1', 'n3']);
      expect(await labelsOf({ name: 'renewal', archived: 'include' })).toEqual(['n2', 'n3']);
      expect(await labelsOf({ name: 'muller aero' })).toEqual(['n4']);
      expect(await labelsOf({ name: 'Ærø' })).toEqual(['n4']);
      expect(await labelsOf({ name: 'ind' })).toEqual([]);
      expect(await labelsOf({ name: 'fleet wind' })).toEqual([]);
    });

    it('treats a name with nothing searchable as no filter, and combines the name with the other filters', async () => {
      expect(await labelsOf({ name: ' - ' })).toEqual(['n1', 'n3', 'n4']);
      expect(await labelsOf({ name: 'fleet', customerId: 'cust-globex' })).toEqual(['n3']);
      expect(await labelsOf({ name: 'wind', archived: 'only' })).toEqual(['n5']);
      expect(await labelsOf({ name: 'fleet', sortBy: 'expectedCloseDate', direction: 'desc' })).toEqual(['n3', 'n1']);
    });

    it('shows the archive in the row', async () => {
      const page = await listOpportunities(storage.documents, { tenantId: 'tenant-a', archived: 'include', name: 'renewal' });
      expect(page.items.map(({ opportunityId, visibility, archivedAt }) => ({ opportunityId, visibility, archivedAt }))).toEqual([
        { opportunityId: 'n2', visibility: 'archived', archivedAt: at },
        { opportunityId: 'n3', visibility: 'active', archivedAt: null },
      ]);
    });
  });
};
