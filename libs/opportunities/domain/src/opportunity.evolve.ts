import { assertNever } from '@meridian/platform/eventsourcing';
import type { OpportunityEvent } from './opportunity.events';
import type { OpportunityDetails, OpportunityState } from './opportunity.state';

type PresentOpportunity = Extract<OpportunityState, { status: 'present' }>;

/**
 * Applies a recorded fact. Facts cannot be refused, so evolve never throws; an
 * event other than OpportunityOpened on an absent opportunity (a stream that
 * does not start with its opening) leaves the state as it was.
 */
export const evolve = (state: OpportunityState, event: OpportunityEvent): OpportunityState => {
  if (event.type === 'OpportunityOpened') {
    const { stage, openedAt, ...details } = event.data;
    return { status: 'present', ...details, stage, stageEnteredAt: openedAt, openedAt, activities: [] };
  }
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'OpportunityStageChanged':
      return { ...state, stage: event.data.toStage, stageEnteredAt: event.data.changedAt };
    case 'OpportunityWon': {
      const { fromStage, finalAmount, wonAt } = event.data;
      // The final amount settles the deal's amount (the order is placed at it, and the read models show it),
      // and a reopen keeps it: `amount-unchanged` must compare against the amount everyone else sees.
      return {
        ...withoutClose(state), amount: finalAmount, stage: 'won', stageEnteredAt: wonAt, closedFromStage: fromStage, closedAt: wonAt, finalAmount,
      };
    }
    case 'OpportunityLost': {
      const { fromStage, reason, lostAt } = event.data;
      return { ...withoutClose(state), stage: 'lost', stageEnteredAt: lostAt, closedFromStage: fromStage, closedAt: lostAt, lostReason: reason };
    }
    case 'OpportunityAmountRevised':
      return { ...state, amount: event.data.amount };
    case 'OpportunityCloseDateRescheduled':
      return { ...state, expectedCloseDate: event.data.expectedCloseDate };
    case 'OpportunityOwnerReassigned':
      return { ...state, ownerId: event.data.ownerId };
    case 'ActivityLogged': {
      const { activityId, kind, occurredAt, subject, notes, nextFollowUpOn } = event.data;
      const activity = {
        activityId, kind, occurredAt, subject,
        ...(notes !== undefined ? { notes } : {}),
        ...(nextFollowUpOn !== undefined ? { nextFollowUpOn } : {}),
      };
      return { ...state, activities: [...state.activities, activity] };
    }
    case 'OpportunityReopened':
      return { ...withoutClose(state), stage: event.data.toStage, stageEnteredAt: event.data.reopenedAt };
    case 'OpportunityArchived': {
      const { reason, archivedAt } = event.data;
      return { ...withoutArchive(state), archivedAt, ...(reason !== undefined ? { archiveReason: reason } : {}) };
    }
    case 'OpportunityRestored':
      // The stage clock keeps running while archived: the deal never left its stage.
      return withoutArchive(state);
    default:
      return assertNever(event);
  }
};

/** The deal without any trace of an archive: the fields are removed, not set to undefined. */
const withoutArchive = (state: PresentOpportunity): PresentOpportunity => {
  const active: { -readonly [K in keyof OpportunityDetails]: OpportunityDetails[K] } & { status: 'present' } = { ...state };
  delete active.archivedAt;
  delete active.archiveReason;
  return active;
};

/** The deal without any trace of a close: the fields are removed, not set to undefined. */
const withoutClose = (state: PresentOpportunity): PresentOpportunity => {
  const open: { -readonly [K in keyof OpportunityDetails]: OpportunityDetails[K] } & { status: 'present' } = { ...state };
  delete open.closedFromStage;
  delete open.closedAt;
  delete open.lostReason;
  delete open.finalAmount;
  return open;
};
