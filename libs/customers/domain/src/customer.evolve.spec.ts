import { foldEvents } from '@meridian/platform/eventsourcing';
import { customerDecider } from './customer.decider';
import type { CustomerEvent } from './customer.events';
import { evolve } from './customer.evolve';
import type { CustomerState } from './customer.state';
import { initialCustomerState } from './customer.state';
import {
  absorbed, archived, archivedAt, contactAdded, customerId, eur, mergedInto, orderValueRecorded, registered, restored, segmentChanged, tagged,
} from './testing/customer.fixtures';

const fold = (events: readonly CustomerEvent[]): CustomerState => foldEvents(customerDecider, events);
const at = '2026-04-01T08:00:00.000Z';

const freshCustomer = {
  status: 'registered',
  customerId,
  kind: 'company',
  sourceChannel: 'webinar',
  ownerId: 'rep-ana',
  registeredAt: registered.data.registeredAt,
  profile: {
    name: 'ACME Analytics GmbH', industry: 'software', region: 'dach', size: '51-200',
    emails: ['sales@acme.example', 'jdoe@gmail.com'], phones: ['+15550104477'],
  },
  registration: registered.data,
  contacts: [], removedContactIds: [], tags: [], groups: [], consents: {}, interactionIds: [],
  absorbed: [], released: [], formerSurvivors: [], orders: [], segment: null, segmentChangedAt: null,
};

describe('customer evolve', () => {
  it('starts a customer from its registration', () => {
    expect(fold([registered])).toStrictEqual(freshCustomer);
  });

  it('replaces the whole profile on a revision, dropping fields it no longer has', () => {
    const revised: CustomerEvent = {
      type: 'CustomerProfileRevised',
      data: { customerId, name: 'ACME', region: 'emea', emails: [], phones: ['+15550100001'], revisedAt: at },
    };
    expect(fold([registered, revised])).toStrictEqual({ ...freshCustomer, profile: { name: 'ACME', region: 'emea', emails: [], phones: ['+15550100001'] } });
  });

  it('keeps contacts in the order they were added; a revision keeps its place, a removal is remembered', () => {
    const revised: CustomerEvent = { type: 'ContactRevised', data: { customerId, contactId: 'ct-1', name: 'Jane Roe', emails: [], phones: [], revisedAt: at } };
    const removed: CustomerEvent = { type: 'ContactRemoved', data: { customerId, contactId: 'ct-2', removedAt: at } };
    const state = fold([registered, contactAdded('ct-1'), contactAdded('ct-2', 'Bo'), contactAdded('ct-3', 'Cy'), revised, removed]);
    expect(state).toMatchObject({
      contacts: [
        { contactId: 'ct-1', name: 'Jane Roe', emails: [], phones: [] },
        { contactId: 'ct-3', name: 'Cy', title: 'CFO', emails: ['jane@acme.example'], phones: [] },
      ],
      removedContactIds: ['ct-2'],
    });
    expect(state).not.toHaveProperty(['contacts', 0, 'title']);
    expect(fold([registered, contactAdded('ct-2'), removed, contactAdded('ct-2')])).toMatchObject({ removedContactIds: [] });
  });

  it('keeps tags, groups, intent, owner, consents and interaction ids', () => {
    const events: CustomerEvent[] = [
      registered, tagged('vip'), tagged('beta'),
      { type: 'CustomerUntagged', data: { customerId, tag: 'vip', untaggedAt: at } },
      { type: 'CustomerGroupsAssigned', data: { customerId, groups: ['g1', 'g2'], assignedAt: at } },
      { type: 'CustomerIntentLevelSet', data: { customerId, level: 'warm', reason: 'Demo booked', setAt: at } },
      { type: 'CustomerOwnerChanged', data: { customerId, previousOwnerId: 'rep-ana', ownerId: 'rep-bo', changedAt: at } },
      { type: 'CustomerConsentRecorded', data: { customerId, purpose: 'profiling', granted: true, source: 'form', recordedAt: at } },
      { type: 'CustomerConsentRecorded', data: { customerId, purpose: 'profiling', granted: false, source: 'call', recordedAt: '2026-04-02T08:00:00.000Z' } },
      { type: 'InteractionRecorded', data: { customerId, interactionId: 'i-1', kind: 'call', occurredAt: at, summary: 'Hi', recordedAt: at } },
    ];
    expect(fold(events)).toMatchObject({
      tags: ['beta'], groups: ['g1', 'g2'], intent: { level: 'warm', reason: 'Demo booked', setAt: at }, ownerId: 'rep-bo',
      consents: { profiling: { granted: false, source: 'call', recordedAt: '2026-04-02T08:00:00.000Z' } }, interactionIds: ['i-1'],
    });
  });

  it('tracks lineage on both sides, and removes every trace of a reverted merge', () => {
    const unmerged: CustomerEvent = { type: 'CustomersUnmerged', data: { customerId, unmergedCustomerId: 'cust-dup', unmergedAt: at } };
    expect(fold([registered, absorbed('cust-dup'), absorbed('cust-dup-2'), unmerged])).toMatchObject({ absorbed: ['cust-dup-2'], released: ['cust-dup'] });
    expect(fold([registered, absorbed('cust-dup'), unmerged, absorbed('cust-dup')])).toMatchObject({ absorbed: ['cust-dup'], released: [] });
    const reverted: CustomerEvent = { type: 'CustomerMergeReverted', data: { customerId, formerSurvivorId: 'cust-top', revertedAt: at } };
    expect(fold([registered, mergedInto('cust-top')])).toMatchObject({ mergedInto: 'cust-top' });
    expect(fold([registered, mergedInto('cust-top'), reverted])).toStrictEqual({ ...freshCustomer, formerSurvivors: ['cust-top'] });
  });

  it('keeps one entry per order, replaced by a newer value, and the segment last judged', () => {
    const state = fold([
      registered,
      orderValueRecorded('ord-1', eur(10), '2026-04-01T00:00:00.000Z', 1),
      orderValueRecorded('ord-2', eur(20), '2026-04-02T00:00:00.000Z', 1),
      orderValueRecorded('ord-1', eur(5), '2026-04-01T00:00:00.000Z', 3),
      segmentChanged(null, 'B', at),
    ]);
    expect(state).toMatchObject({
      orders: [
        { orderId: 'ord-1', netValue: eur(5), purchasedAt: '2026-04-01T00:00:00.000Z', orderRevision: 3 },
        { orderId: 'ord-2', netValue: eur(20), purchasedAt: '2026-04-02T00:00:00.000Z', orderRevision: 1 },
      ],
      segment: 'B',
    });
  });

  it('ignores facts about a customer that was never registered instead of inventing one', () => {
    expect(evolve(initialCustomerState, tagged('vip'))).toStrictEqual({ status: 'absent' });
  });

  it('is not fooled by ids that name Object.prototype members', () => {
    const state = fold([registered, contactAdded('constructor'), { type: 'ContactRemoved', data: { customerId, contactId: '__proto__', removedAt: at } }]);
    expect(state).toMatchObject({ contacts: [{ contactId: 'constructor' }], removedContactIds: ['__proto__'] });
  });

  it('never mutates the state it is given', () => {
    const before = fold([registered, contactAdded('ct-1'), tagged('vip'), absorbed('cust-dup'), orderValueRecorded('ord-1', eur(1), at)]);
    const snapshot = structuredClone(before);
    evolve(before, contactAdded('ct-2'));
    evolve(before, tagged('beta'));
    evolve(before, orderValueRecorded('ord-1', eur(2), at, 9));
    evolve(before, mergedInto('cust-top'));
    expect(before).toStrictEqual(snapshot);
  });

  it('keeps the archive record while archived and removes it (not undefined) on restore, everything else untouched', () => {
    expect(fold([registered, tagged('vip'), archived('dormant')])).toStrictEqual({ ...freshCustomer, tags: ['vip'], archived: { archivedAt, reason: 'dormant' } });
    expect(fold([registered, archived()])).toStrictEqual({ ...freshCustomer, archived: { archivedAt } });
    const back = fold([registered, tagged('vip'), archived('dormant'), restored()]);
    expect(back).toStrictEqual({ ...freshCustomer, tags: ['vip'] });
    expect(back).not.toHaveProperty('archived');
  });
});
