import { customer360Parts } from '@meridian/read-models/customer-activity';
import { customerLineage, getCustomer } from '@meridian/read-models/customer-list';
import { eventHistory, money, registered } from '../testing/consumed-events';
import { projectedReadModels } from '../testing/memory-read-models';
import { toCustomer360View } from './customer-360.assembly';

const survivor = '5e0a3b1c-0000-4000-8000-000000000001';
const absorbed = '5e0a3b1c-0000-4000-8000-000000000002';
const line = (amount: number, currency = 'EUR') => [{ lineId: 'l1', productId: 'seats', description: 'Seats', quantity: 1, unitPrice: money(amount, currency) }];

/**
 * Survivor "Acme" (contact, tag, groups, intent, two consents, segment C,
 * one open deal, one paid EUR order) absorbed "Acme Ltd" (a won deal, a USD
 * order paid and partly refunded, the latest interaction).
 */
const scenario = () => {
  const h = eventHistory();
  return [
    h.customer(survivor, 'CustomerRegistered', registered('Acme', { emails: ['ann@acme.com'], phones: ['+15550104477'] })),
    h.customer(absorbed, 'CustomerRegistered', registered('Acme Ltd', { region: 'na' })),
    h.customer(survivor, 'ContactAdded', { contactId: 'bob', name: 'Bob Stone', title: 'CFO', emails: ['bob@acme.com'], phones: [], addedAt: '2026-01-06T09:00:00Z' }),
    h.customer(survivor, 'CustomerTagged', { tag: 'vip', taggedAt: '2026-01-06T09:00:00Z' }),
    h.customer(survivor, 'CustomerGroupsAssigned', { groups: ['key-accounts', 'emea-top'], assignedAt: '2026-01-06T09:00:00Z' }),
    h.customer(survivor, 'CustomerIntentLevelSet', { level: 'hot', reason: 'asked for a quote', setAt: '2026-01-07T09:00:00Z' }),
    h.customer(survivor, 'CustomerConsentRecorded', { purpose: 'profiling', granted: false, source: 'web form', recordedAt: '2026-01-07T09:00:00Z' }),
    h.customer(survivor, 'CustomerConsentRecorded', { purpose: 'email-marketing', granted: true, source: 'web form', recordedAt: '2026-01-07T09:00:00Z' }),
    h.customer(survivor, 'InteractionRecorded', { interactionId: 'i1', kind: 'call', occurredAt: '2026-02-01T10:00:00Z', summary: 'Intro call', recordedAt: '2026-02-01T10:00:00Z' }),
    h.customer(absorbed, 'InteractionRecorded', { interactionId: 'i2', kind: 'meeting', occurredAt: '2026-02-20T10:00:00Z', summary: 'Demo', recordedAt: '2026-02-20T10:00:00Z' }),
    h.opportunity('deal-1', 'OpportunityOpened', {
      customerId: survivor, name: 'Acme renewal', ownerId: 'rep-ana', amount: money(5000), expectedCloseDate: '2026-06-30',
      sourceChannel: 'web', productLine: 'seats', region: 'emea', stage: 'lead', openedAt: '2026-02-02T09:00:00Z',
    }),
    h.opportunity('deal-1', 'OpportunityStageChanged', { fromStage: 'lead', toStage: 'qualified', direction: 'forward', changedAt: '2026-02-03T09:00:00Z' }),
    h.opportunity('deal-2', 'OpportunityOpened', {
      customerId: absorbed, name: 'Acme Ltd pilot', ownerId: 'rep-bo', amount: money(900, 'USD'), expectedCloseDate: '2026-03-31',
      sourceChannel: 'web', productLine: 'seats', region: 'na', stage: 'lead', openedAt: '2026-01-10T09:00:00Z',
    }),
    h.opportunity('deal-2', 'OpportunityWon', { fromStage: 'lead', finalAmount: money(900, 'USD'), wonAt: '2026-01-20T09:00:00Z' }),
    h.order('order-1', survivor, 'OrderPlaced', { currency: 'EUR', lines: line(300), total: money(300), placedAt: '2026-02-05T09:00:00Z' }),
    h.order('order-1', survivor, 'OrderConfirmed', { total: money(300), confirmedAt: '2026-02-05T10:00:00Z' }),
    h.order('order-1', survivor, 'PaymentReceived', {
      paymentId: 'p1', amount: money(300), paidToDate: money(300), outstanding: money(0), netPaid: money(300), method: 'card', receivedAt: '2026-02-06T09:00:00Z',
    }),
    h.order('order-2', absorbed, 'OrderPlaced', { currency: 'USD', lines: line(100, 'USD'), total: money(100, 'USD'), placedAt: '2026-01-21T09:00:00Z' }),
    h.order('order-2', absorbed, 'OrderConfirmed', { total: money(100, 'USD'), confirmedAt: '2026-01-21T10:00:00Z' }),
    h.order('order-2', absorbed, 'PaymentReceived', {
      paymentId: 'p2', amount: money(100, 'USD'), paidToDate: money(100, 'USD'), outstanding: money(0, 'USD'), netPaid: money(100, 'USD'),
      method: 'transfer', receivedAt: '2026-01-22T09:00:00Z',
    }),
    h.order('order-2', absorbed, 'OrderRefunded', {
      refundId: 'r1', amount: money(40, 'USD'), refundedToDate: money(40, 'USD'), netPaid: money(60, 'USD'), reason: 'damaged', refundedAt: '2026-01-25T09:00:00Z',
    }),
    h.customer(survivor, 'CustomerValueSegmentChanged', {
      previousSegment: 'A', segment: 'C', purchaseCount: 1, averageOrderValue: money(300), windowStart: '2025-02-06T09:00:00.000Z',
      windowEnd: '2026-02-06T09:00:00.000Z', changedAt: '2026-02-06T09:00:00Z',
    }),
    h.customer(survivor, 'CustomersMerged', { mergedCustomerId: absorbed, reason: 'duplicate', mergedAt: '2026-02-25T09:00:00Z' }),
    h.customer(absorbed, 'CustomerMergedInto', { survivorId: survivor, mergedAt: '2026-02-25T09:00:00Z' }),
  ];
};

const assemble = async (timelineLimit?: number) => {
  const { list, activity } = await projectedReadModels(scenario());
  const item = await getCustomer(list.documents, 'acme', survivor);
  if (item === null) throw new Error('survivor not projected');
  const lineage = await customerLineage(list.documents, 'acme', survivor);
  return toCustomer360View(item, lineage, await customer360Parts(activity.documents, 'acme', lineage), timelineLimit);
};

describe('toCustomer360View', () => {
  it("shows the survivor's own profile, contacts, tags, groups, owner, intent, consents (by purpose) and segment figures", async () => {
    const view = await assemble();
    expect(view).toMatchObject({
      customerId: survivor,
      profile: { kind: 'company', name: 'Acme', industry: 'software', region: 'emea', size: '51-200', sourceChannel: 'web', emails: ['ann@acme.com'], phones: ['+15550104477'] },
      contacts: [{ contactId: 'bob', name: 'Bob Stone', title: 'CFO', emails: ['bob@acme.com'], phones: [] }],
      tags: ['vip'],
      groups: ['emea-top', 'key-accounts'],
      ownerId: 'rep-ana',
      intent: { level: 'hot', reason: 'asked for a quote' },
      consents: [
        { purpose: 'email-marketing', granted: true, source: 'web form' },
        { purpose: 'profiling', granted: false, source: 'web form' },
      ],
      segment: { segment: 'C', purchaseCount: 1, averageOrderValue: money(300) },
      lineage: { absorbed: [absorbed], customerIds: [survivor, absorbed] },
    });
  });

  it('spans the lineage for deals, orders, revenue and the last interaction', async () => {
    const view = await assemble();
    expect(view.openOpportunities).toEqual([{
      opportunityId: 'deal-1', customerId: survivor, name: 'Acme renewal', stage: 'qualified', amount: money(5000), ownerId: 'rep-ana', expectedCloseDate: '2026-06-30',
    }]);
    expect(view.orders.map((order) => [order.orderId, order.customerId, order.status, order.netPaid])).toEqual([
      ['order-1', survivor, 'confirmed', money(300)],
      ['order-2', absorbed, 'confirmed', money(60, 'USD')],
    ]);
    expect(view.orders[1]).toMatchObject({ payments: [{ paymentId: 'p2', method: 'transfer' }], refunds: [{ refundId: 'r1', amount: money(40, 'USD'), reason: 'damaged' }] });
    expect(view.lifetimeRevenue).toEqual([money(300), money(60, 'USD')]);
    expect(view.lastInteraction).toMatchObject({ interactionId: 'i2', customerId: absorbed, kind: 'meeting', summary: 'Demo' });
  });

  it('gives the newest timeline entries of every record of the lineage, and a cursor for the rest', async () => {
    const full = await assemble(200);
    expect(full.timeline.next).toBeNull();
    expect(new Set(full.timeline.items.map((item) => item.kind))).toEqual(new Set(['customer', 'opportunity', 'order']));
    expect(new Set(full.timeline.items.map((item) => item.customerId))).toEqual(new Set([survivor, absorbed]));
    const ats = full.timeline.items.map((item) => item.at);
    expect(ats).toEqual([...ats].sort().reverse());

    const first = await assemble(3);
    expect(first.timeline.items).toEqual(full.timeline.items.slice(0, 3));
    // Same instant: the later event (higher position) is newer.
    expect(first.timeline.items.map((item) => item.type)).toEqual(['CustomerMergedInto', 'CustomersMerged', 'InteractionRecorded']);
    expect(first.timeline.next).toEqual(expect.any(String));
  });

  it('defaults to the first 20 entries', async () => {
    expect((await assemble()).timeline.items).toHaveLength(20);
  });
});
