import type { ConsumedEvent } from '@meridian/platform/kafka';
import type { ReadModelStorage } from '@meridian/platform/projections';
import { applyEvent } from '@meridian/platform/projections';
import type { CustomerListItem } from '../customer-list.model';
import { customerListProjection } from '../customer-list.projection';
import { at, customerStream, eur, registration } from './customer-events';

const segmentChange = (previousSegment: 'A' | 'B' | 'C' | 'D' | 'E', segment: 'A' | 'B' | 'C' | 'D' | 'E') =>
  ({ previousSegment, segment, purchaseCount: 2, averageOrderValue: eur(500), windowStart: '2025-03-01T00:00:00.000Z', windowEnd: at, changedAt: at }) as const;

/**
 * Six customers of tenant-a and one of tenant-b, each stream built by its
 * own builder (positions apart, so events interleave as partitions would):
 * - acme: emea software, owner ana, tag vip, group key-accounts, hot, contact Bob Stone, segment B; absorbed acme2
 * - globex: emea manufacturing, owner bo, segment C
 * - initech: na software, owner ana, tag vip, cold, segment A
 * - zoe: a person in apac, gmail address, segment E
 * - acme2: emea, same phone as acme, segment D, merged into acme (out of the distribution)
 * - other: tenant-b's "Acme Corp", same email as acme
 * Later phases: `unmerge` gives acme2 back; `archive` archives globex, `restore` restores it.
 */
export const customerListScenario = () => {
  const acme = customerStream('acme', { firstPosition: 100 });
  const globex = customerStream('globex', { firstPosition: 200 });
  const initech = customerStream('initech', { firstPosition: 300 });
  const zoe = customerStream('zoe', { firstPosition: 400 });
  const acme2 = customerStream('acme2', { firstPosition: 500 });
  const other = customerStream('other', { firstPosition: 600, tenantId: 'tenant-b' });
  const seed: ConsumedEvent[] = [
    acme('CustomerRegistered', registration({ name: 'Acme Corp', registeredAt: '2026-01-05T09:00:00.000Z' })),
    globex('CustomerRegistered', registration({ name: 'Globex GmbH', industry: 'manufacturing', ownerId: 'rep-bo', emails: ['sales@globex.de'], phones: ['+49301234567'], registeredAt: '2026-01-02T09:00:00.000Z' })),
    initech('CustomerRegistered', registration({ name: 'Initech', region: 'na', emails: ['bill@initech.com'], phones: [], registeredAt: '2026-01-10T09:00:00.000Z' })),
    zoe('CustomerRegistered', registration({ kind: 'person', name: 'Zoë Zimmer', industry: undefined, size: undefined, region: 'apac', emails: ['zoezimmer@gmail.com'], phones: [], registeredAt: '2026-01-20T09:00:00+08:00' })),
    acme2('CustomerRegistered', registration({ name: 'ACME Corporation', emails: ['hello@acme-corp.com'], registeredAt: '2026-01-15T09:00:00.000Z' })),
    other('CustomerRegistered', registration({ name: 'Acme Corp', registeredAt: '2026-01-01T09:00:00.000Z' })),
    acme('CustomerTagged', { tag: 'vip', taggedAt: at }),
    acme('CustomerGroupsAssigned', { groups: ['key-accounts'], assignedAt: at }),
    acme('CustomerIntentLevelSet', { level: 'hot', reason: 'asked for a quote', setAt: at }),
    acme('ContactAdded', { contactId: 'k1', name: 'Bob Stone', emails: ['bob@acme.com'], phones: [], addedAt: at }),
    acme('CustomerValueSegmentChanged', segmentChange('A', 'B')),
    globex('CustomerValueSegmentChanged', segmentChange('A', 'C')),
    initech('CustomerTagged', { tag: 'vip', taggedAt: at }),
    initech('CustomerIntentLevelSet', { level: 'cold', reason: 'no budget this year', setAt: at }),
    zoe('CustomerValueSegmentChanged', segmentChange('A', 'E')),
    acme2('CustomerValueSegmentChanged', segmentChange('A', 'D')),
    acme('CustomersMerged', { mergedCustomerId: 'acme2', reason: 'duplicate', mergedAt: at }),
    acme2('CustomerMergedInto', { survivorId: 'acme', mergedAt: at }),
  ];
  const unmerge: ConsumedEvent[] = [
    acme('CustomersUnmerged', { unmergedCustomerId: 'acme2', unmergedAt: at }),
    acme2('CustomerMergeReverted', { formerSurvivorId: 'acme', revertedAt: at }),
  ];
  // After the unmerge: globex (segment C) is archived, then restored.
  const archive: ConsumedEvent[] = [globex('CustomerArchived', { reason: 'went quiet', archivedAt: '2026-03-02T09:00:00.000Z' })];
  const restore: ConsumedEvent[] = [globex('CustomerRestored', { restoredAt: '2026-03-03T09:00:00.000Z' })];
  return { seed, unmerge, archive, restore };
};

/** Applies events as the runtime does (counters, then the document), on one delivery lane with growing sequence. */
export const applyAll = async (storage: ReadModelStorage<CustomerListItem>, events: readonly ConsumedEvent[], firstSequence = 0): Promise<void> => {
  let sequence = firstSequence;
  for (const event of events) await applyEvent(customerListProjection, storage, event, { id: 'spec#0', sequence: sequence++ });
};
