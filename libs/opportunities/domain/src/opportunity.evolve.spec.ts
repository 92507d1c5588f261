import { foldEvents } from '@meridian/platform/eventsourcing';
import { opportunityDecider } from './opportunity.decider';
import type { OpportunityEvent, OpportunityReopened } from './opportunity.events';
import { evolve } from './opportunity.evolve';
import type { OpportunityState } from './opportunity.state';
import { initialOpportunityState } from './opportunity.state';
import { activityLogged, lost, opened, opportunityId, stageChanged, won } from './testing/opportunity.fixtures';

const fold = (events: readonly OpportunityEvent[]): OpportunityState => foldEvents(opportunityDecider, events);

const reopened = (previousOutcome: 'won' | 'lost', toStage: 'qualified' | 'proposal'): OpportunityReopened => ({
  type: 'OpportunityReopened',
  data: { opportunityId, previousOutcome, toStage, reopenedAt: '2026-06-01T08:00:00.000Z' },
});

const openDeal = {
  status: 'present',
  opportunityId,
  customerId: 'cust-acme',
  name: 'ACME analytics rollout',
  ownerId: 'rep-ana',
  amount: { amount: 12500.5, currency: 'EUR' },
  expectedCloseDate: '2026-06-30',
  sourceChannel: 'webinar',
  productLine: 'analytics',
  region: 'emea',
  stage: 'lead',
  stageEnteredAt: '2026-03-01T09:00:00.000Z',
  openedAt: '2026-03-01T09:00:00.000Z',
  activities: [],
} as const satisfies OpportunityState;

describe('evolve', () => {
  it('starts absent', () => {
    expect(fold([])).toStrictEqual({ status: 'absent' });
  });

  it('opens the deal at lead with every detail and no close', () => {
    expect(fold([opened])).toStrictEqual(openDeal);
  });

  it('folds a full history into the latest value of every field', () => {
    const history: OpportunityEvent[] = [
      opened,
      activityLogged('act-1', 'Discovery call'),
      stageChanged('lead', 'proposal', '2026-03-10T10:00:00.000Z'),
      {
        type: 'OpportunityAmountRevised',
        data: { opportunityId, previousAmount: openDeal.amount, amount: { amount: 15000, currency: 'USD' }, revisedAt: '2026-03-11T10:00:00.000Z' },
      },
      {
        type: 'OpportunityCloseDateRescheduled',
        data: { opportunityId, previousExpectedCloseDate: '2026-06-30', expectedCloseDate: '2026-07-31', rescheduledAt: '2026-03-12T10:00:00.000Z' },
      },
      {
        type: 'OpportunityOwnerReassigned',
        data: { opportunityId, previousOwnerId: 'rep-ana', ownerId: 'rep-bo', reassignedAt: '2026-03-13T10:00:00.000Z' },
      },
      { type: 'ActivityLogged', data: { ...activityLogged('act-2', 'Proposal review').data, notes: 'Legal involved', nextFollowUpOn: '2026-03-20' } },
      stageChanged('proposal', 'qualified', '2026-03-14T10:00:00.000Z'),
    ];
    expect(fold(history)).toStrictEqual({
      ...openDeal,
      ownerId: 'rep-bo',
      amount: { amount: 15000, currency: 'USD' },
      expectedCloseDate: '2026-07-31',
      stage: 'qualified',
      stageEnteredAt: '2026-03-14T10:00:00.000Z',
      activities: [
        { activityId: 'act-1', kind: 'call', occurredAt: '2026-03-02T14:00:00.000Z', subject: 'Discovery call' },
        {
          activityId: 'act-2', kind: 'call', occurredAt: '2026-03-02T14:00:00.000Z', subject: 'Proposal review',
          notes: 'Legal involved', nextFollowUpOn: '2026-03-20',
        },
      ],
    });
  });

  it('records a win with its final amount, settling the amount at it, and the stage it was won from', () => {
    expect(fold([opened, stageChanged('lead', 'negotiation'), won('negotiation', { amount: 11000, currency: 'EUR' })])).toStrictEqual({
      ...openDeal,
      amount: { amount: 11000, currency: 'EUR' },
      stage: 'won',
      stageEnteredAt: '2026-05-20T15:00:00.000Z',
      closedFromStage: 'negotiation',
      closedAt: '2026-05-20T15:00:00.000Z',
      finalAmount: { amount: 11000, currency: 'EUR' },
    });
  });

  it('records a loss with its reason and the stage it was lost from', () => {
    expect(fold([opened, lost('lead', 'No budget')])).toStrictEqual({
      ...openDeal,
      stage: 'lost',
      stageEnteredAt: '2026-05-21T15:00:00.000Z',
      closedFromStage: 'lead',
      closedAt: '2026-05-21T15:00:00.000Z',
      lostReason: 'No budget',
    });
  });

  // toStrictEqual also fails on a key that is present but undefined, so "removed" really means absent.
  it('removes every trace of the close on reopen', () => {
    const state = fold([opened, stageChanged('lead', 'proposal'), won('proposal'), reopened('won', 'qualified')]);
    expect(state).toStrictEqual({ ...openDeal, stage: 'qualified', stageEnteredAt: '2026-06-01T08:00:00.000Z' });
  });

  it('keeps the amount a win settled when the deal is reopened', () => {
    const state = fold([opened, won('lead', { amount: 900, currency: 'USD' }), reopened('won', 'qualified')]);
    expect(state).toMatchObject({ stage: 'qualified', amount: { amount: 900, currency: 'USD' } });
    expect(state).not.toHaveProperty('finalAmount');
  });

  it('keeps only the latest close: a win after a reopened loss carries no lost reason', () => {
    const state = fold([opened, lost('lead'), reopened('lost', 'proposal'), won('proposal')]);
    expect(state).toMatchObject({ stage: 'won', closedFromStage: 'proposal', finalAmount: openDeal.amount });
    expect(state).not.toHaveProperty('lostReason');
  });

  it('ignores facts about an opportunity that was never opened instead of inventing one', () => {
    expect(evolve(initialOpportunityState, stageChanged('lead', 'qualified'))).toStrictEqual({ status: 'absent' });
  });

  it('never mutates the state it is given', () => {
    const before = fold([opened, activityLogged('act-1'), won('lead')]);
    const snapshot = structuredClone(before);
    evolve(before, activityLogged('act-2'));
    evolve(before, reopened('won', 'qualified'));
    expect(before).toStrictEqual(snapshot);
  });
});
