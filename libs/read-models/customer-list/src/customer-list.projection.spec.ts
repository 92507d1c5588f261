import type { ConsumedEvent } from '@meridian/platform/kafka';
import { projectAll } from '@meridian/platform/projections';
import type { CustomerListItem } from './customer-list.model';
import { UnknownCustomerEvent, customerListProjection } from './customer-list.projection';
import { UnreadableCustomerInstant } from './customer-list.item';
import { at, consumedCustomerEvent, customerStream, eur, registration } from './testing/customer-events';

const streamId = 'customer-c1';

/** Given these events were projected, when these arrive, then the row is… */
const given = (...history: ConsumedEvent[]) => ({
  when: (...events: ConsumedEvent[]) => ({
    then: (expected: CustomerListItem | null) => {
      const before = projectAll(customerListProjection, history);
      expect(projectAll(customerListProjection, events, before).get(streamId) ?? null).toEqual(expected);
    },
  }),
});

/** The row after these events (all of stream c1). */
const rowAfter = (...events: ConsumedEvent[]): CustomerListItem | undefined => projectAll(customerListProjection, events).get(streamId);

const c = customerStream('c1');
const registered = c('CustomerRegistered', registration({ registeredAt: '2026-03-01T10:00:00+01:00' }));

const listed: CustomerListItem = {
  tenantId: 'tenant-a', customerId: 'c1', kind: 'company', name: 'Acme Corp', nameKey: 'acme corp',
  searchTerms: ['+15550104477', '050104477', '0550104477', '05550104477', '15550104477', '50104477', '550104477', '5550104477', 'acme com', 'acme corp', 'ann', 'ann@acme.com', 'corp'],
  contactKeys: ['+15550104477', 'ann@acme.com'], industry: 'software', region: 'emea', size: '51-200', sourceChannel: 'web', ownerId: 'rep-ana',
  emails: ['ann@acme.com'], phones: ['+15550104477'], contacts: [], tags: [], groups: [], intent: null, intentLevel: null, consents: {},
  segment: 'A', hasPurchases: 0, purchaseCount: 0, averageOrderValue: null, lastInteractionAt: null, lastInteraction: null, status: 'active', mergedInto: null,
  archivedAt: null, absorbed: [], registeredAt: '2026-03-01T09:00:00.000Z', streamRevision: 0, lastPosition: 1,
};

describe('customer list projection', () => {
  it('lists a registered customer in segment A, with its search and contact keys', () => {
    given().when(registered).then(listed);
  });

  it('the same event twice changes nothing', () => {
    const tagged = c('CustomerTagged', { tag: 'vip', taggedAt: at });
    const once = projectAll(customerListProjection, [registered, tagged]);
    expect(projectAll(customerListProjection, [tagged, registered], once)).toEqual(once);
  });

  it('replaces the profile as a whole, absent optional fields becoming null', () => {
    const r = customerStream('c1');
    given(r('CustomerRegistered', registration())).when(
      r('CustomerProfileRevised', { name: 'Acmé Holding', region: 'apac', emails: ['info@acme.io'], phones: [], revisedAt: at }),
    ).then({
      ...listed, registeredAt: at, name: 'Acmé Holding', nameKey: 'acme holding', industry: null, region: 'apac', size: null, emails: ['info@acme.io'], phones: [],
      searchTerms: ['acme holding', 'acme io', 'holding', 'info', 'info@acme.io'], contactKeys: ['info@acme.io'], streamRevision: 1, lastPosition: 2,
    });
  });

  it('adds, revises and removes contacts, whose names, emails and phones become searchable', () => {
    const r = customerStream('c1');
    const reg = r('CustomerRegistered', registration({ emails: [], phones: [] }));
    const added = r('ContactAdded', { contactId: 'k1', name: 'Bob Stone', title: 'CFO', emails: ['bob@acme.com'], phones: ['+4930123456'], addedAt: at });
    const other = r('ContactAdded', { contactId: 'k2', name: 'Eve', emails: [], phones: [], addedAt: at });
    const revised = r('ContactRevised', { contactId: 'k1', name: 'Robert Stone', emails: ['rob@acme.com'], phones: [], revisedAt: at });
    const withBob = rowAfter(reg, added, other);
    expect(withBob?.contacts).toEqual([
      { contactId: 'k1', name: 'Bob Stone', title: 'CFO', emails: ['bob@acme.com'], phones: ['+4930123456'] },
      { contactId: 'k2', name: 'Eve', title: null, emails: [], phones: [] },
    ]);
    expect(withBob?.searchTerms).toEqual(expect.arrayContaining(['bob stone', 'stone', 'bob@acme.com', '+4930123456', 'eve']));
    expect(withBob?.contactKeys).toEqual(['+4930123456', 'bob@acme.com']);
    const robert = rowAfter(reg, added, other, revised);
    expect(robert?.contacts[0]).toEqual({ contactId: 'k1', name: 'Robert Stone', title: null, emails: ['rob@acme.com'], phones: [] });
    expect(robert?.searchTerms).not.toContain('bob stone');
    const removed = rowAfter(reg, added, other, revised, r('ContactRemoved', { contactId: 'k1', removedAt: at }));
    expect([removed?.contacts.map((k) => k.contactId), removed?.contactKeys]).toEqual([['k2'], []]);
  });

  it('keeps tags and groups as sorted sets', () => {
    const r = customerStream('c1');
    const row = rowAfter(
      r('CustomerRegistered', registration()),
      r('CustomerTagged', { tag: 'vip', taggedAt: at }),
      r('CustomerTagged', { tag: 'emea-top', taggedAt: at }),
      r('CustomerUntagged', { tag: 'vip', untaggedAt: at }),
      r('CustomerGroupsAssigned', { groups: ['partners', 'key-accounts', 'partners'], assignedAt: at }),
    );
    expect([row?.tags, row?.groups]).toEqual([['emea-top'], ['key-accounts', 'partners']]);
  });

  it('records intent, owner and consent per purpose', () => {
    const r = customerStream('c1');
    const row = rowAfter(
      r('CustomerRegistered', registration()),
      r('CustomerIntentLevelSet', { level: 'hot', reason: 'asked for a quote', setAt: at }),
      r('CustomerOwnerChanged', { previousOwnerId: 'rep-ana', ownerId: 'rep-bo', changedAt: at }),
      r('CustomerConsentRecorded', { purpose: 'email-marketing', granted: true, source: 'web form', recordedAt: at }),
      r('CustomerConsentRecorded', { purpose: 'profiling', granted: true, source: 'web form', recordedAt: at }),
      r('CustomerConsentRecorded', { purpose: 'email-marketing', granted: false, source: 'unsubscribe link', recordedAt: '2026-03-02T00:00:00.000Z' }),
    );
    expect(row).toMatchObject({
      intent: { level: 'hot', reason: 'asked for a quote', setAt: at }, intentLevel: 'hot', ownerId: 'rep-bo',
      consents: {
        'email-marketing': { granted: false, source: 'unsubscribe link', recordedAt: '2026-03-02T00:00:00.000Z' },
        profiling: { granted: true, source: 'web form', recordedAt: at },
      },
    });
  });

  it('keeps the interaction that occurred last, even when an older one is recorded later', () => {
    const r = customerStream('c1');
    const reg = r('CustomerRegistered', registration());
    const visit = r('InteractionRecorded', { interactionId: 'i1', kind: 'visit', occurredAt: '2026-03-05T10:00:00-05:00', summary: 'site visit', contactId: 'k1', recordedAt: at });
    const call = r('InteractionRecorded', { interactionId: 'i2', kind: 'call', occurredAt: '2026-03-04T00:00:00Z', summary: 'missed call', recordedAt: at });
    const row = rowAfter(reg, visit, call);
    expect([row?.lastInteractionAt, row?.lastInteraction, row?.streamRevision]).toEqual([
      '2026-03-05T15:00:00.000Z', { interactionId: 'i1', kind: 'visit', occurredAt: '2026-03-05T15:00:00.000Z', summary: 'site visit', contactId: 'k1' }, 2,
    ]);
  });

  it('takes segment, purchase count and average order value from segment changes; a recorded order value marks a buyer', () => {
    const r = customerStream('c1');
    const reg = r('CustomerRegistered', registration());
    const value = r('CustomerOrderValueRecorded', { orderId: 'r1', netValue: eur(1500), purchasedAt: at, orderRevision: 3, recordedAt: at });
    const change = r('CustomerValueSegmentChanged', {
      previousSegment: 'A', segment: 'C', purchaseCount: 1, averageOrderValue: eur(1500), windowStart: '2025-03-01T09:00:00.000Z', windowEnd: at, changedAt: at,
    });
    expect(rowAfter(reg)).toMatchObject({ hasPurchases: 0 });
    expect(rowAfter(reg, value)).toMatchObject({ segment: 'A', hasPurchases: 1, streamRevision: 1 });
    expect(rowAfter(reg, value, change)).toMatchObject({ segment: 'C', purchaseCount: 1, averageOrderValue: eur(1500), streamRevision: 2 });
  });

  it('follows merges both ways: the survivor lists what it absorbed, the absorbed one redirects', () => {
    const r = customerStream('c1');
    const reg = r('CustomerRegistered', registration());
    const mergedC2 = r('CustomersMerged', { mergedCustomerId: 'c2', reason: 'duplicate', mergedAt: at });
    const mergedC3 = r('CustomersMerged', { mergedCustomerId: 'c3', mergedAt: at });
    expect(rowAfter(reg, mergedC2, mergedC3)?.absorbed).toEqual(['c2', 'c3']);
    expect(rowAfter(reg, mergedC2, mergedC3, r('CustomersUnmerged', { unmergedCustomerId: 'c2', unmergedAt: at }))?.absorbed).toEqual(['c3']);

    const a = customerStream('c1');
    const absorbed = [a('CustomerRegistered', registration()), a('CustomerMergedInto', { survivorId: 'c9', mergedAt: at })];
    expect(rowAfter(...absorbed)).toMatchObject({ status: 'merged', mergedInto: 'c9' });
    expect(rowAfter(...absorbed, a('CustomerMergeReverted', { formerSurvivorId: 'c9', revertedAt: at }))).toMatchObject({ status: 'active', mergedInto: null });
    // A row from before archiving existed has no archivedAt field: the revert leaves it active, not archived.
    const { archivedAt: _none, ...olderRow } = rowAfter(...absorbed)!;
    const revert = a('CustomerMergeReverted', { formerSurvivorId: 'c9', revertedAt: at });
    expect(customerListProjection.evolve(olderRow as CustomerListItem, revert)).toMatchObject({ status: 'active', mergedInto: null });
  });

  it('hides an archived customer (status archived, archivedAt as carried) and shows it again on restore, everything else kept', () => {
    const r = customerStream('c1');
    const reg = r('CustomerRegistered', registration({ registeredAt: '2026-03-01T10:00:00+01:00' }));
    const tagged = r('CustomerTagged', { tag: 'vip', taggedAt: at });
    const archived = r('CustomerArchived', { reason: 'went quiet', archivedAt: '2026-03-02T10:00:00+01:00' });
    const withdrawn = r('CustomerConsentRecorded', { purpose: 'email-marketing', granted: false, source: 'unsubscribe link', recordedAt: at });
    const restored = r('CustomerRestored', { restoredAt: '2026-03-03T09:00:00.000Z' });
    const tags = ['vip'];
    const consents = { 'email-marketing': { granted: false, source: 'unsubscribe link', recordedAt: at } };
    expect(rowAfter(reg, tagged, archived)).toEqual({ ...listed, tags, status: 'archived', archivedAt: '2026-03-02T10:00:00+01:00', streamRevision: 2, lastPosition: 3 });
    expect(rowAfter(reg, tagged, archived, withdrawn)).toMatchObject({ status: 'archived', consents });
    expect(rowAfter(reg, tagged, archived, withdrawn, restored)).toEqual({ ...listed, tags, consents, streamRevision: 4, lastPosition: 5 });
  });

  it('archive and restore delivered twice, or late, change nothing', () => {
    const r = customerStream('c1');
    const reg = r('CustomerRegistered', registration());
    const archived = r('CustomerArchived', { archivedAt: at });
    const restored = r('CustomerRestored', { restoredAt: at });
    const once = projectAll(customerListProjection, [reg, archived]);
    expect(projectAll(customerListProjection, [archived, reg], once)).toEqual(once);
    const back = projectAll(customerListProjection, [reg, archived, restored]);
    expect(projectAll(customerListProjection, [archived, restored, archived], back)).toEqual(back);
    expect(back.get(streamId)).toMatchObject({ status: 'active', archivedAt: null, streamRevision: 2 });
  });

  it('keeps merged ahead of archived, and an archive across a reverted merge', () => {
    const r = customerStream('c1');
    const reg = r('CustomerRegistered', registration());
    const archived = r('CustomerArchived', { archivedAt: at });
    const merged = r('CustomerMergedInto', { survivorId: 'c9', mergedAt: at });
    const reverted = r('CustomerMergeReverted', { formerSurvivorId: 'c9', revertedAt: at });
    expect(rowAfter(reg, archived, merged)).toMatchObject({ status: 'merged', archivedAt: at });
    expect(rowAfter(reg, archived, merged, reverted)).toMatchObject({ status: 'archived', mergedInto: null });
  });

  it('keeps no row for a customer whose registration it never saw', () => {
    given().when(customerStream('c1', { firstRevision: 1 })('CustomerTagged', { tag: 'vip', taggedAt: at })).then(null);
  });

  it('ignores import jobs and segment policies, which share the topic', () => {
    expect(customerListProjection.documentIdOf({ ...registered, streamId: 'customer_import-j1' })).toBeUndefined();
    expect(customerListProjection.documentIdOf({ ...registered, streamId: 'segment_policy-tenant-a' })).toBeUndefined();
    expect(customerListProjection.documentIdOf(registered)).toBe(streamId);
  });

  it('refuses an unknown event type, an import event on a customer stream and an unreadable instant', () => {
    const unknown = consumedCustomerEvent('crm.customers.CustomerTagged.v2', { customerId: 'c1', tag: 'x', taggedAt: at }, { streamId, revision: 1, position: 2, tenantId: 'tenant-a' });
    expect(() => projectAll(customerListProjection, [registered, unknown])).toThrow(UnknownCustomerEvent);
    const policy = consumedCustomerEvent('crm.customers.SegmentPolicySet.v1', {}, { streamId, revision: 1, position: 2, tenantId: 'tenant-a' });
    expect(() => projectAll(customerListProjection, [registered, policy])).toThrow(UnknownCustomerEvent);
    const leap = customerStream('c1')('CustomerRegistered', registration({ registeredAt: '2026-06-30T23:59:60Z' }));
    expect(() => projectAll(customerListProjection, [leap])).toThrow(UnreadableCustomerInstant);
  });
});
