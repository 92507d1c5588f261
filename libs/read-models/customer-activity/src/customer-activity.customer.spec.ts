import type { ConsumedEvent } from '@meridian/platform/kafka';
import { projectAll } from '@meridian/platform/projections';
import type { CustomerActivityDocument, CustomerRecordActivity } from './customer-activity.model';
import { customerActivityProjection } from './customer-activity.projection';
import { UnknownActivityEvent } from './customer-activity.entries';
import { at, consumedAs, customerStream, eur } from './testing/activity-events';

const streamId = 'customer-c1';
const c = customerStream('c1');

const given = (...history: ConsumedEvent[]) => ({
  when: (...events: ConsumedEvent[]) => ({
    then: (expected: CustomerActivityDocument | null) => {
      const before = projectAll(customerActivityProjection, history);
      expect(projectAll(customerActivityProjection, events, before).get(streamId) ?? null).toEqual(expected);
    },
  }),
});

const registration = {
  kind: 'company', name: 'Acme Corp', region: 'emea', sourceChannel: 'web', ownerId: 'rep-ana', emails: [], phones: [], registeredAt: at,
} as const;
const registered = c('CustomerRegistered', registration);

const registeredDocument: CustomerRecordActivity = {
  tenantId: 'tenant-a', sourceStreamId: streamId, kind: 'customer', customerId: 'c1',
  summary: { name: 'Acme Corp', mergedInto: null, absorbed: [], lastInteraction: null },
  entries: [{ at, type: 'CustomerRegistered', summary: 'Registered (company) as "Acme Corp" in emea, owner rep-ana', eventId: registered.eventId, position: 1 }],
  truncated: 0, streamRevision: 0, lastPosition: 1,
};

/** The customer record after these events (fails the spec if there is none, or of another kind). */
const recordAfter = (...events: ConsumedEvent[]): CustomerRecordActivity => {
  const document = projectAll(customerActivityProjection, events).get(streamId);
  if (document?.kind !== 'customer') throw new Error(`expected a customer record, got ${JSON.stringify(document)}`);
  return document;
};

/** The summaries of the entries after registration, for the events given. */
const entriesAfter = (...events: ConsumedEvent[]) =>
  projectAll(customerActivityProjection, events).get(streamId)?.entries.slice(1).map((e) => [e.type, e.at, e.summary]);

describe('customer activity: customer streams', () => {
  it('starts a customer\'s own record with its registration', () => {
    given().when(registered).then(registeredDocument);
  });

  it('the same event twice changes nothing', () => {
    const tagged = c('CustomerTagged', { tag: 'vip', taggedAt: at });
    const once = projectAll(customerActivityProjection, [registered, tagged]);
    expect(projectAll(customerActivityProjection, [registered, tagged], once)).toEqual(once);
  });

  it('writes an entry for each profile, contact, classification, owner and consent event', () => {
    const r = customerStream('c1');
    expect(entriesAfter(
      r('CustomerRegistered', registration),
      r('CustomerProfileRevised', { name: 'Acme Holding', region: 'apac', emails: [], phones: [], revisedAt: at }),
      r('ContactAdded', { contactId: 'k1', name: 'Bob Stone', title: 'CFO', emails: [], phones: [], addedAt: at }),
      r('ContactRevised', { contactId: 'k1', name: 'Robert Stone', emails: [], phones: [], revisedAt: at }),
      r('ContactRemoved', { contactId: 'k1', removedAt: at }),
      r('CustomerTagged', { tag: 'vip', taggedAt: at }),
      r('CustomerUntagged', { tag: 'vip', untaggedAt: at }),
      r('CustomerGroupsAssigned', { groups: ['key-accounts', 'partners'], assignedAt: at }),
      r('CustomerGroupsAssigned', { groups: [], assignedAt: at }),
      r('CustomerIntentLevelSet', { level: 'warm', reason: 'opened the newsletter', setAt: at }),
      r('CustomerOwnerChanged', { previousOwnerId: 'rep-ana', ownerId: 'rep-bo', changedAt: at }),
      r('CustomerConsentRecorded', { purpose: 'email-marketing', granted: false, source: 'unsubscribe link', recordedAt: at }),
    )).toEqual([
      ['CustomerProfileRevised', at, 'Profile revised: "Acme Holding" in apac'],
      ['ContactAdded', at, 'Contact added: Bob Stone, CFO'],
      ['ContactRevised', at, 'Contact revised: Robert Stone'],
      ['ContactRemoved', at, 'Contact k1 removed'],
      ['CustomerTagged', at, 'Tagged "vip"'],
      ['CustomerUntagged', at, 'Untagged "vip"'],
      ['CustomerGroupsAssigned', at, 'Groups set to key-accounts, partners'],
      ['CustomerGroupsAssigned', at, 'Removed from every group'],
      ['CustomerIntentLevelSet', at, 'Intent set to warm: opened the newsletter'],
      ['CustomerOwnerChanged', at, 'Owner changed from rep-ana to rep-bo'],
      ['CustomerConsentRecorded', at, 'Consent to email-marketing withdrawn (unsubscribe link)'],
    ]);
  });

  it('dates interactions when they occurred and keeps the one that occurred last', () => {
    const r = customerStream('c1');
    const events = [
      r('CustomerRegistered', registration),
      r('InteractionRecorded', { interactionId: 'i1', kind: 'meeting', occurredAt: '2026-03-05T10:00:00+02:00', summary: 'kick-off', contactId: 'k1', recordedAt: at }),
      r('InteractionRecorded', { interactionId: 'i2', kind: 'call', occurredAt: '2026-03-02T10:00:00Z', summary: 'follow-up', recordedAt: at }),
    ];
    expect(recordAfter(...events).summary.lastInteraction).toEqual({ interactionId: 'i1', kind: 'meeting', occurredAt: '2026-03-05T08:00:00.000Z', summary: 'kick-off', contactId: 'k1' });
    expect(entriesAfter(...events)).toEqual([
      ['InteractionRecorded', '2026-03-05T08:00:00.000Z', 'meeting: kick-off'],
      ['InteractionRecorded', '2026-03-02T10:00:00.000Z', 'call: follow-up'],
    ]);
  });

  it('tracks the lineage on both sides of a merge, and its undoing', () => {
    const s = customerStream('c1');
    const survivor = [s('CustomerRegistered', registration), s('CustomersMerged', { mergedCustomerId: 'c2', reason: 'same company', mergedAt: at })];
    expect(recordAfter(...survivor).summary.absorbed).toEqual(['c2']);
    const unmerged = [...survivor, s('CustomersUnmerged', { unmergedCustomerId: 'c2', unmergedAt: at })];
    expect(recordAfter(...unmerged).summary.absorbed).toEqual([]);
    expect(entriesAfter(...unmerged)?.map(([, , summary]) => summary)).toEqual(['Absorbed customer c2: same company', 'Customer c2 split off again']);

    const a = customerStream('c1');
    const absorbed = [a('CustomerRegistered', registration), a('CustomerMergedInto', { survivorId: 'c9', mergedAt: at })];
    expect(recordAfter(...absorbed).summary.mergedInto).toBe('c9');
    const reverted = [...absorbed, a('CustomerMergeReverted', { formerSurvivorId: 'c9', revertedAt: at })];
    expect(recordAfter(...reverted).summary.mergedInto).toBeNull();
    expect(entriesAfter(...reverted)?.map(([, , summary]) => summary)).toEqual(['Merged into customer c9', 'Merge into customer c9 reverted']);
  });

  it('writes an entry for an archive, with its reason when given, and for a restore; delivered twice they add nothing', () => {
    const r = customerStream('c1');
    const events = [
      r('CustomerRegistered', registration),
      r('CustomerArchived', { reason: 'went quiet', archivedAt: '2026-03-02T10:00:00+01:00' }),
      r('CustomerRestored', { restoredAt: '2026-03-03T09:00:00.000Z' }),
      r('CustomerArchived', { archivedAt: '2026-03-04T09:00:00.000Z' }),
    ];
    expect(entriesAfter(...events)).toEqual([
      ['CustomerArchived', '2026-03-02T09:00:00.000Z', 'Archived: went quiet'],
      ['CustomerRestored', '2026-03-03T09:00:00.000Z', 'Restored from the archive'],
      ['CustomerArchived', '2026-03-04T09:00:00.000Z', 'Archived'],
    ]);
    const once = projectAll(customerActivityProjection, events);
    expect(projectAll(customerActivityProjection, [...events].reverse(), once)).toEqual(once);
    expect(recordAfter(...events).summary).toEqual(registeredDocument.summary);
  });

  it('writes segment changes; a recorded order value only advances the revision', () => {
    const r = customerStream('c1');
    const events = [
      r('CustomerRegistered', registration),
      r('CustomerOrderValueRecorded', { orderId: 'r1', netValue: eur(1500), purchasedAt: at, orderRevision: 3, recordedAt: at }),
      r('CustomerValueSegmentChanged', { previousSegment: null, segment: 'C', purchaseCount: 1, averageOrderValue: eur(1500), windowStart: at, windowEnd: at, changedAt: at }),
    ];
    expect(entriesAfter(...events)).toEqual([['CustomerValueSegmentChanged', at, 'Value segment none → C (1 purchase, average 1,500.00 EUR)']]);
    expect(projectAll(customerActivityProjection, events).get(streamId)?.streamRevision).toBe(2);
  });

  it('keeps no document for a customer whose registration it never saw, and refuses what does not belong', () => {
    given().when(customerStream('c1', { firstRevision: 1 })('CustomerTagged', { tag: 'vip', taggedAt: at })).then(null);
    const importEvent = consumedAs('crm.customers.CustomerImportCompleted.v1', {}, { streamId, revision: 1 });
    expect(() => projectAll(customerActivityProjection, [registered, importEvent])).toThrow(UnknownActivityEvent);
    expect(() => projectAll(customerActivityProjection, [registered, { ...importEvent, type: 'crm.customers.CustomerTagged.v9' }])).toThrow(UnknownActivityEvent);
    expect(customerActivityProjection.documentIdOf({ ...registered, streamId: 'customer_import-j1' })).toBeUndefined();
  });

  it('refuses to turn a stored document into another kind', () => {
    const stored = new Map([[streamId, { ...registeredDocument, kind: 'order' } as unknown as CustomerActivityDocument]]);
    expect(() => projectAll(customerActivityProjection, [c('CustomerTagged', { tag: 'x', taggedAt: at })], stored)).toThrow(UnknownActivityEvent);
  });
});
