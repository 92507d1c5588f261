import type { ConsumedEvent } from '@meridian/platform/kafka';
import { projectAll } from '@meridian/platform/projections';
import type { CustomerActivityDocument, OpportunityActivity } from './customer-activity.model';
import { maxEntriesPerStream } from './customer-activity.model';
import { customerActivityProjection } from './customer-activity.projection';
import { UnknownActivityEvent } from './customer-activity.entries';
import { openOpportunities } from './customer-activity.assembly';
import { at, consumedAs, eur, opportunityStream } from './testing/activity-events';

const streamId = 'opportunity-o1';
const o = opportunityStream('o1');

/** Given these events were projected, when these arrive, then the opportunity's document is… */
const given = (...history: ConsumedEvent[]) => ({
  when: (...events: ConsumedEvent[]) => ({
    then: (expected: CustomerActivityDocument | null) => {
      const before = projectAll(customerActivityProjection, history);
      expect(projectAll(customerActivityProjection, events, before).get(streamId) ?? null).toEqual(expected);
    },
  }),
});

const openedPayload = {
  customerId: 'c1', name: 'Renewal', ownerId: 'rep-ana', amount: eur(1200.1), expectedCloseDate: '2026-06-30', sourceChannel: 'webinar',
  productLine: 'analytics', region: 'emea', stage: 'lead', openedAt: '2026-03-01T10:00:00+01:00',
} as const;
const opened = o('OpportunityOpened', openedPayload);
const qualifiedPayload = { fromStage: 'lead', toStage: 'qualified', direction: 'forward', changedAt: '2026-03-02T09:00:00Z' } as const;
const qualified = o('OpportunityStageChanged', qualifiedPayload);

const openedDocument: OpportunityActivity = {
  tenantId: 'tenant-a', sourceStreamId: streamId, kind: 'opportunity', customerId: 'c1',
  summary: { opportunityId: 'o1', name: 'Renewal', stage: 'lead', amountMinor: 120010, currency: 'EUR', open: true, archived: false, ownerId: 'rep-ana', expectedCloseDate: '2026-06-30' },
  entries: [{ at: '2026-03-01T09:00:00.000Z', type: 'OpportunityOpened', summary: 'Opportunity "Renewal" opened at 1,200.10 EUR', eventId: opened.eventId, position: 100 }],
  truncated: 0, streamRevision: 0, lastPosition: 100,
};

const entry = (event: ConsumedEvent, instant: string, summary: string) => ({
  at: instant, type: event.type.split('.')[2], summary, eventId: event.eventId, position: event.globalPosition,
});

describe('customer activity: opportunity streams', () => {
  it('files an opened opportunity under its customer, amount in minor units, instants in UTC', () => {
    given().when(opened).then(openedDocument);
  });

  it('the same event twice changes nothing', () => {
    const once = projectAll(customerActivityProjection, [opened, qualified]);
    expect(projectAll(customerActivityProjection, [opened, qualified], once)).toEqual(once);
  });

  it('follows a stage change with an entry', () => {
    given(opened).when(qualified).then({
      ...openedDocument, summary: { ...openedDocument.summary, stage: 'qualified' },
      entries: [...openedDocument.entries, entry(qualified, '2026-03-02T09:00:00.000Z', 'Stage moved from lead to qualified')],
      streamRevision: 1, lastPosition: 101,
    });
  });

  it('closes as won at the final amount, and reopening makes it open again', () => {
    const won = o('OpportunityWon', { fromStage: 'qualified', finalAmount: { amount: 999.99, currency: 'USD' }, wonAt: at });
    const reopened = o('OpportunityReopened', { previousOutcome: 'won', toStage: 'negotiation', reason: 'scope grew', reopenedAt: at });
    const docs = projectAll(customerActivityProjection, [opened, qualified, won]);
    expect(docs.get(streamId)).toMatchObject({ summary: { stage: 'won', open: false, amountMinor: 99999, currency: 'USD' } });
    expect(docs.get(streamId)?.entries.at(-1)?.summary).toBe('Won at 999.99 USD');
    const again = projectAll(customerActivityProjection, [reopened], docs).get(streamId);
    expect(again).toMatchObject({ summary: { stage: 'negotiation', open: true }, streamRevision: 3 });
    expect(again?.entries.at(-1)?.summary).toBe('Reopened (was won) in negotiation: scope grew');
  });

  // Issue 15: the aggregate settles the amount at the final amount too, so a revise from it is judged against what is shown.
  it('shows a deal reopened after a win at its settled final amount, and a revise from it', () => {
    const p = opportunityStream('o1');
    const events = [
      p('OpportunityOpened', { ...openedPayload, amount: eur(1000) }),
      p('OpportunityWon', { fromStage: 'lead', finalAmount: eur(900), wonAt: at }),
      p('OpportunityReopened', { previousOutcome: 'won', toStage: 'lead', reopenedAt: at }),
    ];
    const reopened = projectAll(customerActivityProjection, events);
    expect(reopened.get(streamId)).toMatchObject({ summary: { stage: 'lead', open: true, amountMinor: 90000, currency: 'EUR' } });
    const revised = p('OpportunityAmountRevised', { previousAmount: eur(900), amount: eur(1000), revisedAt: at });
    const after = projectAll(customerActivityProjection, [revised], reopened).get(streamId);
    expect(after).toMatchObject({ summary: { amountMinor: 100000, currency: 'EUR' } });
    expect(after?.entries.at(-1)?.summary).toBe('Amount revised from 900.00 EUR to 1,000.00 EUR');
  });

  it('records a loss, revised amount, rescheduled close, new owner and logged activity', () => {
    const p = opportunityStream('o1');
    const events = [
      p('OpportunityOpened', openedPayload),
      p('OpportunityAmountRevised', { previousAmount: eur(1200.1), amount: eur(1500), revisedAt: at }),
      p('OpportunityCloseDateRescheduled', { previousExpectedCloseDate: '2026-06-30', expectedCloseDate: '2026-09-30', rescheduledAt: at }),
      p('OpportunityOwnerReassigned', { previousOwnerId: 'rep-ana', ownerId: 'rep-bo', reassignedAt: at }),
      p('ActivityLogged', { activityId: 'a1', kind: 'call', occurredAt: '2026-03-05T15:30:00-05:00', subject: 'pricing call', loggedAt: at }),
      p('OpportunityLost', { fromStage: 'lead', reason: 'budget', lostAt: at }),
    ];
    const document = projectAll(customerActivityProjection, events).get(streamId);
    expect(document?.summary).toEqual({ ...openedDocument.summary, stage: 'lost', open: false, amountMinor: 150000, ownerId: 'rep-bo', expectedCloseDate: '2026-09-30' });
    expect(document?.entries.slice(1).map((e) => [e.type, e.at, e.summary])).toEqual([
      ['OpportunityAmountRevised', at, 'Amount revised from 1,200.10 EUR to 1,500.00 EUR'],
      ['OpportunityCloseDateRescheduled', at, 'Expected close moved from 2026-06-30 to 2026-09-30'],
      ['OpportunityOwnerReassigned', at, 'Owner changed from rep-ana to rep-bo'],
      ['ActivityLogged', '2026-03-05T20:30:00.000Z', 'call: pricing call'],
      ['OpportunityLost', at, 'Lost: budget'],
    ]);
  });

  it('an archived deal leaves the open opportunities with a timeline entry, and a restore brings it back', () => {
    const p = opportunityStream('o1');
    const [opened, qualified] = [p('OpportunityOpened', openedPayload), p('OpportunityStageChanged', { ...qualifiedPayload })];
    const archived = p('OpportunityArchived', { stage: 'qualified', reason: 'duplicate', archivedAt: '2026-03-03T09:00:00Z' });
    const restored = p('OpportunityRestored', { stage: 'qualified', restoredAt: '2026-03-04T09:00:00Z' });
    const qualifiedDocument = projectAll(customerActivityProjection, [opened, qualified]);
    expect(openOpportunities([...qualifiedDocument.values()]).map((deal) => deal.opportunityId)).toEqual(['o1']);
    const whileArchived = projectAll(customerActivityProjection, [archived], qualifiedDocument);
    const archivedDocument = whileArchived.get(streamId);
    expect(archivedDocument).toMatchObject({ summary: { stage: 'qualified', open: true, archived: true }, streamRevision: 2 });
    expect(archivedDocument?.entries.at(-1)).toEqual(entry(archived, '2026-03-03T09:00:00.000Z', 'Archived (in qualified): duplicate'));
    expect(openOpportunities([...whileArchived.values()])).toEqual([]);
    const back = projectAll(customerActivityProjection, [restored], whileArchived);
    expect(back.get(streamId)?.summary).toEqual(qualifiedDocument.get(streamId)?.summary);
    expect(back.get(streamId)?.entries.at(-1)).toEqual(entry(restored, '2026-03-04T09:00:00.000Z', 'Restored (in qualified)'));
    expect(openOpportunities([...back.values()]).map((deal) => deal.opportunityId)).toEqual(['o1']);
  });

  it('an archive or restore delivered twice, or late, changes nothing', () => {
    const p = opportunityStream('o1');
    const opened = p('OpportunityOpened', openedPayload);
    const archived = p('OpportunityArchived', { stage: 'lead', archivedAt: at });
    const restored = p('OpportunityRestored', { stage: 'lead', restoredAt: at });
    const once = projectAll(customerActivityProjection, [opened, archived]);
    expect(projectAll(customerActivityProjection, [archived, opened], once)).toEqual(once);
    const restoredOnce = projectAll(customerActivityProjection, [restored], once);
    expect(projectAll(customerActivityProjection, [restored, archived], restoredOnce)).toEqual(restoredOnce);
  });

  it('keeps the last 200 entries of a stream and counts the ones it dropped', () => {
    const p = opportunityStream('o1');
    const open = p('OpportunityOpened', openedPayload);
    const calls = Array.from({ length: 205 }, (_, n) => p('ActivityLogged', { activityId: `a${n}`, kind: 'call', occurredAt: at, subject: `call ${n}`, loggedAt: at }));
    const document = projectAll(customerActivityProjection, [open, ...calls]).get(streamId);
    expect(document?.entries).toHaveLength(maxEntriesPerStream);
    expect([document?.truncated, document?.entries[0].summary, document?.entries.at(-1)?.summary]).toEqual([6, 'call: call 5', 'call: call 204']);
  });

  it('keeps no document for an opportunity whose open it never saw', () => {
    given().when(qualified).then(null);
  });

  it('refuses an event type it does not know, so the runtime dead-letters it', () => {
    const unknown = consumedAs('crm.opportunities.OpportunityStageChanged.v2', qualified.payload, { streamId, revision: 1 });
    expect(() => projectAll(customerActivityProjection, [opened, unknown])).toThrow(UnknownActivityEvent);
  });

  it('leaves streams that name no single customer alone', () => {
    expect(customerActivityProjection.documentIdOf({ ...opened, streamId: 'customer_import-1' })).toBeUndefined();
    expect(customerActivityProjection.documentIdOf({ ...opened, streamId: 'segment_policy-tenant-a' })).toBeUndefined();
    expect(customerActivityProjection.documentIdOf(opened)).toBe(streamId);
  });
});
