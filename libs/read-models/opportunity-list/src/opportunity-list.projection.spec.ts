import type { ConsumedEvent } from '@meridian/platform/kafka';
import { projectAll } from '@meridian/platform/projections';
import type { OpportunityListItem } from './opportunity-list.projection';
import { UnknownOpportunityEvent, opportunityListProjection } from './opportunity-list.projection';
import { at, consumed, openedPayload } from './testing/opportunity-events';

const id = 'o1';
const streamId = `opportunity-${id}`;

/** Given these events were projected, when this one arrives, then the list holds… */
const given = (...history: ConsumedEvent[]) => ({
  when: (...events: ConsumedEvent[]) => ({
    then: (expected: OpportunityListItem | null) => {
      const before = projectAll(opportunityListProjection, history);
      expect(projectAll(opportunityListProjection, events, before).get(streamId) ?? null).toEqual(expected);
    },
  }),
});

const opened = consumed('OpportunityOpened', openedPayload(id), { revision: 0, position: 10 });
const qualified = consumed('OpportunityStageChanged', { opportunityId: id, fromStage: 'lead', toStage: 'qualified', direction: 'forward', changedAt: at }, { revision: 1, position: 12 });
const proposal = consumed('OpportunityStageChanged', { opportunityId: id, fromStage: 'qualified', toStage: 'proposal', direction: 'forward', changedAt: at }, { revision: 2, position: 15 });

const listed: OpportunityListItem = {
  tenantId: 'tenant-a', opportunityId: id, name: 'Deal o1', customerId: 'cust-acme', ownerId: 'rep-ana', stage: 'lead', amount: 1000,
  currency: 'EUR', expectedCloseDate: '2026-06-30', region: 'emea', productLine: 'analytics', sourceChannel: 'webinar', openedAt: at,
  closedAt: null, visibility: 'active', archivedAt: null, searchTerms: ['deal o1', 'o1'], streamRevision: 0, lastPosition: 10,
};

describe('opportunity list projection', () => {
  it('lists an opened opportunity with every column', () => {
    given().when(opened).then(listed);
  });

  it('follows stage changes, recording revision and position', () => {
    given(opened).when(qualified, proposal).then({ ...listed, stage: 'proposal', streamRevision: 2, lastPosition: 15 });
  });

  it('the same event twice changes nothing', () => {
    const once = projectAll(opportunityListProjection, [opened, qualified]);
    expect(projectAll(opportunityListProjection, [qualified], once)).toEqual(once);
    given(opened, qualified).when(qualified, opened).then({ ...listed, stage: 'qualified', streamRevision: 1, lastPosition: 12 });
  });

  it('ignores an older event of the stream arriving after a newer one', () => {
    given(opened, proposal).when(qualified).then({ ...listed, stage: 'proposal', streamRevision: 2, lastPosition: 15 });
  });

  it('closes as won with the final amount, and reopening clears the close', () => {
    const won = consumed('OpportunityWon', { opportunityId: id, fromStage: 'qualified', finalAmount: { amount: 1200.5, currency: 'USD' }, wonAt: '2026-04-01T10:00:00.000Z' }, { revision: 2 });
    given(opened, qualified).when(won).then({ ...listed, stage: 'won', amount: 1200.5, currency: 'USD', closedAt: '2026-04-01T10:00:00.000Z', streamRevision: 2, lastPosition: 3 });
    const reopened = consumed('OpportunityReopened', { opportunityId: id, previousOutcome: 'won', toStage: 'negotiation', reopenedAt: at }, { revision: 3 });
    given(opened, qualified, won).when(reopened).then({ ...listed, stage: 'negotiation', amount: 1200.5, currency: 'USD', streamRevision: 3, lastPosition: 4 });
  });

  // Issue 15: the aggregate settles the amount at the final amount too, so a revise from it is judged against what is listed.
  it('keeps the settled final amount after a reopen, and takes a revise back to the opening amount', () => {
    const won = consumed('OpportunityWon', { opportunityId: id, fromStage: 'lead', finalAmount: { amount: 900, currency: 'EUR' }, wonAt: '2026-04-01T10:00:00.000Z' }, { revision: 1 });
    const reopened = consumed('OpportunityReopened', { opportunityId: id, previousOutcome: 'won', toStage: 'lead', reopenedAt: at }, { revision: 2 });
    given(opened, won).when(reopened).then({ ...listed, amount: 900, streamRevision: 2, lastPosition: 3 });
    const revised = consumed('OpportunityAmountRevised', { opportunityId: id, previousAmount: { amount: 900, currency: 'EUR' }, amount: { amount: 1000, currency: 'EUR' }, revisedAt: at }, { revision: 3 });
    given(opened, won, reopened).when(revised).then({ ...listed, amount: 1000, streamRevision: 3, lastPosition: 4 });
  });

  it('records a loss with its date', () => {
    const lost = consumed('OpportunityLost', { opportunityId: id, fromStage: 'lead', reason: 'budget', lostAt: '2026-05-01T00:00:00.000Z' }, { revision: 1 });
    given(opened).when(lost).then({ ...listed, stage: 'lost', closedAt: '2026-05-01T00:00:00.000Z', streamRevision: 1, lastPosition: 2 });
  });

  it('applies revised amount, rescheduled close date and a new owner', () => {
    given(opened).when(
      consumed('OpportunityAmountRevised', { opportunityId: id, previousAmount: { amount: 1000, currency: 'EUR' }, amount: { amount: 5000, currency: 'EUR' }, revisedAt: at }, { revision: 1 }),
      consumed('OpportunityCloseDateRescheduled', { opportunityId: id, previousExpectedCloseDate: '2026-06-30', expectedCloseDate: '2026-09-30', rescheduledAt: at }, { revision: 2 }),
      consumed('OpportunityOwnerReassigned', { opportunityId: id, previousOwnerId: 'rep-ana', ownerId: 'rep-bo', reassignedAt: at }, { revision: 3 }),
    ).then({ ...listed, amount: 5000, expectedCloseDate: '2026-09-30', ownerId: 'rep-bo', streamRevision: 3, lastPosition: 4 });
  });

  it('only advances the revision on a logged activity', () => {
    const activity = consumed('ActivityLogged', { opportunityId: id, activityId: 'a1', kind: 'call', occurredAt: at, subject: 'intro', loggedAt: at }, { revision: 1 });
    given(opened).when(activity).then({ ...listed, streamRevision: 1, lastPosition: 2 });
  });

  it('marks an archived deal, in whatever stage, and a restore makes it active again with nothing else changed', () => {
    const archived = consumed('OpportunityArchived', { opportunityId: id, stage: 'qualified', reason: 'duplicate', archivedAt: '2026-04-05T10:00:00.000Z' }, { revision: 2, position: 20 });
    const restored = consumed('OpportunityRestored', { opportunityId: id, stage: 'qualified', restoredAt: '2026-04-06T10:00:00.000Z' }, { revision: 3, position: 21 });
    const whileArchived = { ...listed, stage: 'qualified', visibility: 'archived', archivedAt: '2026-04-05T10:00:00.000Z', streamRevision: 2, lastPosition: 20 } as const;
    given(opened, qualified).when(archived).then(whileArchived);
    given(opened, qualified, archived).when(restored).then({ ...listed, stage: 'qualified', streamRevision: 3, lastPosition: 21 });
  });

  it('an archive or restore delivered twice, or late, changes nothing', () => {
    const archived = consumed('OpportunityArchived', { opportunityId: id, stage: 'lead', archivedAt: at }, { revision: 1, position: 11 });
    const restored = consumed('OpportunityRestored', { opportunityId: id, stage: 'lead', restoredAt: at }, { revision: 2, position: 13 });
    const once = projectAll(opportunityListProjection, [opened, archived]);
    expect(projectAll(opportunityListProjection, [archived], once)).toEqual(once);
    const restoredOnce = projectAll(opportunityListProjection, [opened, archived, restored]);
    expect(projectAll(opportunityListProjection, [restored, archived, restored], restoredOnce)).toEqual(restoredOnce);
    given(opened, archived, restored).when(archived).then({ ...listed, streamRevision: 2, lastPosition: 13 });
  });

  it('folds the name into word-suffix search terms: lower case, accents and punctuation gone', () => {
    const named = consumed('OpportunityOpened', openedPayload(id, { name: 'Müller: Ærø-Fleet  telematics' }), { revision: 0, position: 10 });
    expect(projectAll(opportunityListProjection, [named]).get(streamId)?.searchTerms).toEqual([
      'aero fleet telematics', 'fleet telematics', 'muller aero fleet telematics', 'telematics',
    ]);
  });

  it('keeps no document for a deal whose open it never saw', () => {
    given().when(qualified).then(null);
  });

  it('refuses an event type it does not know, so the runtime dead-letters it', () => {
    const unknown: ConsumedEvent = { ...qualified, type: 'crm.opportunities.OpportunityStageChanged.v2' };
    expect(() => projectAll(opportunityListProjection, [opened, unknown])).toThrow(UnknownOpportunityEvent);
  });

  it('leaves events of other streams alone', () => {
    expect(opportunityListProjection.documentIdOf({ ...opened, streamId: 'customer-1' })).toBeUndefined();
  });
});
