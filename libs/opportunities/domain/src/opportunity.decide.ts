import { AggregateNotFound, assertNever } from '@meridian/platform/eventsourcing';
import type {
  ArchiveOpportunity,
  ChangeOpportunityStage,
  LogOpportunityActivity,
  OpenOpportunity,
  OpportunityCommand,
  ReassignOpportunityOwner,
  ReopenOpportunity,
  RescheduleOpportunityClose,
  RestoreOpportunity,
  ReviseOpportunityAmount,
} from './opportunity.commands';
import type { OpportunityEvent } from './opportunity.events';
import { OpportunityRuleCodes, calendarDateOf, nonBlank, sameMoney, validMoney, violation } from './opportunity.rules';
import type { OpportunityState } from './opportunity.state';
import { opportunityStreamId } from './opportunity.stream-id';
import type { OpenStage } from './opportunity.values';
import { isOpenStage, stageOrder } from './opportunity.values';

type PresentOpportunity = Extract<OpportunityState, { status: 'present' }>;
type Decision = readonly OpportunityEvent[];

/**
 * Pure: the same command on the same state always yields the same events or the
 * same rule violation. An empty result means the command was already satisfied.
 */
export const decide = (command: OpportunityCommand, state: OpportunityState): Decision => {
  switch (command.type) {
    case 'OpenOpportunity':
      return open(command, state);
    case 'ChangeOpportunityStage':
      return changeStage(command, active(state, command.data.opportunityId));
    case 'ReviseOpportunityAmount':
      return reviseAmount(command, active(state, command.data.opportunityId));
    case 'RescheduleOpportunityClose':
      return rescheduleClose(command, active(state, command.data.opportunityId));
    case 'ReassignOpportunityOwner':
      return reassignOwner(command, active(state, command.data.opportunityId));
    case 'LogOpportunityActivity':
      return logActivity(command, active(state, command.data.opportunityId));
    case 'ReopenOpportunity':
      return reopen(command, active(state, command.data.opportunityId));
    case 'ArchiveOpportunity':
      return archive(command, existing(state, command.data.opportunityId));
    case 'RestoreOpportunity':
      return restore(command, existing(state, command.data.opportunityId));
    default:
      return assertNever(command);
  }
};

const existing = (state: OpportunityState, opportunityId: string): PresentOpportunity => {
  if (state.status === 'absent') throw new AggregateNotFound(opportunityStreamId(opportunityId));
  return state;
};

/**
 * An existing deal that is not archived. An archived deal refuses every command
 * but restore, whatever else would be said of it (closed, unchanged, a repeated
 * activity): archived means "not worked", and it answers the same way each time.
 */
const active = (state: OpportunityState, opportunityId: string): PresentOpportunity => {
  const deal = existing(state, opportunityId);
  if (deal.archivedAt !== undefined) {
    throw violation(OpportunityRuleCodes.archived, `Opportunity ${opportunityId} is archived; restore it first`, { archivedAt: deal.archivedAt });
  }
  return deal;
};

/** The deal's current open stage; a won or lost deal must be reopened before it is worked again. */
const openStageOf = (state: PresentOpportunity): OpenStage => {
  const stage = state.stage;
  if (!isOpenStage(stage)) {
    throw violation(OpportunityRuleCodes.closed, `Opportunity ${state.opportunityId} is ${stage}; reopen it first`, {
      stage,
    });
  }
  return stage;
};

const open = ({ data }: OpenOpportunity, state: OpportunityState): Decision => {
  if (state.status === 'present') {
    throw violation(OpportunityRuleCodes.alreadyExists, `Opportunity ${data.opportunityId} already exists`);
  }
  const amount = validMoney(data.amount, 'amount');
  // Fields are copied one by one so nothing beyond the agreed event shape can leak into a public event.
  const { opportunityId, customerId, name, ownerId, expectedCloseDate, sourceChannel, productLine, region } = data;
  return [
    {
      type: 'OpportunityOpened',
      data: {
        opportunityId, customerId, name, ownerId, amount, expectedCloseDate, sourceChannel, productLine, region,
        stage: 'lead',
        openedAt: data.openedAt,
      },
    },
  ];
};

const changeStage = ({ data }: ChangeOpportunityStage, state: PresentOpportunity): Decision => {
  const fromStage = openStageOf(state);
  const { opportunityId } = state;
  if (data.toStage === fromStage) {
    throw violation(OpportunityRuleCodes.stageUnchanged, `Opportunity ${opportunityId} is already in ${fromStage}`);
  }
  if (data.finalAmount !== undefined && data.toStage !== 'won') {
    throw violation(OpportunityRuleCodes.finalAmountOnlyWhenWon, 'A final amount can only be given when the deal is won', {
      toStage: data.toStage,
    });
  }
  // Closing is one fact: won/lost carry `fromStage`, so no StageChanged precedes them.
  if (data.toStage === 'won') {
    const finalAmount = data.finalAmount === undefined ? state.amount : validMoney(data.finalAmount, 'finalAmount');
    return [{ type: 'OpportunityWon', data: { opportunityId, fromStage, finalAmount, wonAt: data.changedAt } }];
  }
  if (data.toStage === 'lost') {
    const reason = nonBlank(data.lostReason);
    if (reason === undefined) {
      throw violation(OpportunityRuleCodes.lostReasonRequired, 'A lost deal needs a reason');
    }
    return [{ type: 'OpportunityLost', data: { opportunityId, fromStage, reason, lostAt: data.changedAt } }];
  }
  const direction = stageOrder(data.toStage) > stageOrder(fromStage) ? 'forward' : 'backward';
  return [
    {
      type: 'OpportunityStageChanged',
      data: { opportunityId, fromStage, toStage: data.toStage, direction, changedAt: data.changedAt },
    },
  ];
};

const reviseAmount = ({ data }: ReviseOpportunityAmount, state: PresentOpportunity): Decision => {
  openStageOf(state);
  const amount = validMoney(data.amount, 'amount');
  if (sameMoney(amount, state.amount)) {
    throw violation(OpportunityRuleCodes.amountUnchanged, `Opportunity ${state.opportunityId} already has this amount`);
  }
  const { opportunityId, amount: previousAmount } = state;
  return [{ type: 'OpportunityAmountRevised', data: { opportunityId, previousAmount, amount, revisedAt: data.revisedAt } }];
};

const rescheduleClose = ({ data }: RescheduleOpportunityClose, state: PresentOpportunity): Decision => {
  openStageOf(state);
  if (data.expectedCloseDate === state.expectedCloseDate) {
    throw violation(OpportunityRuleCodes.closeDateUnchanged, `Opportunity ${state.opportunityId} already closes then`);
  }
  const { opportunityId, expectedCloseDate: previousExpectedCloseDate } = state;
  const { expectedCloseDate, rescheduledAt } = data;
  return [{ type: 'OpportunityCloseDateRescheduled', data: { opportunityId, previousExpectedCloseDate, expectedCloseDate, rescheduledAt } }];
};

/** Allowed on closed deals too: credit for a won deal can move to another rep. */
const reassignOwner = ({ data }: ReassignOpportunityOwner, state: PresentOpportunity): Decision => {
  if (data.newOwnerId === state.ownerId) {
    throw violation(OpportunityRuleCodes.ownerUnchanged, `Opportunity ${state.opportunityId} is already owned by ${state.ownerId}`);
  }
  const { opportunityId, ownerId: previousOwnerId } = state;
  return [{ type: 'OpportunityOwnerReassigned', data: { opportunityId, previousOwnerId, ownerId: data.newOwnerId, reassignedAt: data.reassignedAt } }];
};

/**
 * Idempotent by activity id: a retried or replayed log of the same activity
 * appends nothing, whatever its content, so the first record stands.
 */
const logActivity = ({ data }: LogOpportunityActivity, state: PresentOpportunity): Decision => {
  if (state.activities.some((activity) => activity.activityId === data.activityId)) return [];
  if (data.nextFollowUpOn !== undefined && data.nextFollowUpOn < calendarDateOf(data.occurredAt)) {
    throw violation(OpportunityRuleCodes.followUpBeforeActivity, 'A follow-up cannot be due before the activity happened', {
      occurredAt: data.occurredAt,
      nextFollowUpOn: data.nextFollowUpOn,
    });
  }
  const { opportunityId, activityId, kind, occurredAt, subject, notes, nextFollowUpOn, loggedAt } = data;
  return [
    {
      type: 'ActivityLogged',
      data: {
        opportunityId, activityId, kind, occurredAt, subject,
        ...(notes !== undefined ? { notes } : {}),
        ...(nextFollowUpOn !== undefined ? { nextFollowUpOn } : {}),
        loggedAt,
      },
    },
  ];
};

const reopen = ({ data }: ReopenOpportunity, state: PresentOpportunity): Decision => {
  const previousOutcome = state.stage;
  if (isOpenStage(previousOutcome)) {
    throw violation(OpportunityRuleCodes.notClosed, `Opportunity ${state.opportunityId} is still open (${previousOutcome})`);
  }
  const toStage = data.toStage ?? state.closedFromStage;
  if (toStage === undefined) {
    // Unreachable from any history evolve produces: closing always records the stage it left.
    throw new Error(`Opportunity ${state.opportunityId} is ${previousOutcome} but has no closedFromStage`);
  }
  const reason = nonBlank(data.reason);
  return [
    {
      type: 'OpportunityReopened',
      data: {
        opportunityId: state.opportunityId,
        previousOutcome,
        toStage,
        ...(reason !== undefined ? { reason } : {}),
        reopenedAt: data.reopenedAt,
      },
    },
  ];
};

/** Allowed in any stage, open or closed: a junk lead, a duplicate, a deal entered by mistake. */
const archive = ({ data }: ArchiveOpportunity, state: PresentOpportunity): Decision => {
  if (state.archivedAt !== undefined) {
    throw violation(OpportunityRuleCodes.alreadyArchived, `Opportunity ${state.opportunityId} is already archived`, { archivedAt: state.archivedAt });
  }
  const reason = nonBlank(data.reason);
  return [
    {
      type: 'OpportunityArchived',
      data: { opportunityId: state.opportunityId, stage: state.stage, ...(reason !== undefined ? { reason } : {}), archivedAt: data.archivedAt },
    },
  ];
};

/** Brings the deal back exactly as it was archived: same stage, amount, owner and activities. */
const restore = ({ data }: RestoreOpportunity, state: PresentOpportunity): Decision => {
  if (state.archivedAt === undefined) {
    throw violation(OpportunityRuleCodes.notArchived, `Opportunity ${state.opportunityId} is not archived`);
  }
  return [{ type: 'OpportunityRestored', data: { opportunityId: state.opportunityId, stage: state.stage, restoredAt: data.restoredAt } }];
};
