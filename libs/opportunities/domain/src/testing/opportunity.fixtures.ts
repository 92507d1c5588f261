import type { OpportunityCommand } from '../opportunity.commands';
import type {
  ActivityLogged,
  OpportunityLost,
  OpportunityOpened,
  OpportunityStageChanged,
  OpportunityWon,
} from '../opportunity.events';
import type { Money, OpenStage } from '../opportunity.values';
import { openStages, stageOrder } from '../opportunity.values';

// Shared spec data: one realistic deal, plus builders for the facts specs start from.

export const opportunityId = 'opp-7f3c';
export const streamId = `opportunity-${opportunityId}`;
export const openingAmount: Money = { amount: 12500.5, currency: 'EUR' };

export const openOpportunity = {
  type: 'OpenOpportunity',
  data: {
    opportunityId,
    customerId: 'cust-acme',
    name: 'ACME analytics rollout',
    ownerId: 'rep-ana',
    amount: openingAmount,
    expectedCloseDate: '2026-06-30',
    sourceChannel: 'webinar',
    productLine: 'analytics',
    region: 'emea',
    openedAt: '2026-03-01T09:00:00.000Z',
  },
} as const satisfies OpportunityCommand;

export const opened: OpportunityOpened = {
  type: 'OpportunityOpened',
  data: { ...openOpportunity.data, stage: 'lead' },
};

export const stageChanged = (
  fromStage: OpenStage,
  toStage: OpenStage,
  changedAt = '2026-03-10T10:00:00.000Z',
): OpportunityStageChanged => ({
  type: 'OpportunityStageChanged',
  data: { opportunityId, fromStage, toStage, direction: stageOrder(toStage) > stageOrder(fromStage) ? 'forward' : 'backward', changedAt },
});

/** lead → qualified → … → `stage`, one step at a time. */
export const movedUpTo = (stage: OpenStage): OpportunityStageChanged[] => {
  return openStages
    .slice(1, stageOrder(stage) + 1)
    .map((to, index) => stageChanged(openStages[index], to, `2026-03-1${index}T10:00:00.000Z`));
};

export const won = (fromStage: OpenStage, finalAmount: Money = openingAmount): OpportunityWon => ({
  type: 'OpportunityWon',
  data: { opportunityId, fromStage, finalAmount, wonAt: '2026-05-20T15:00:00.000Z' },
});

export const lost = (fromStage: OpenStage, reason = 'Chose a competitor'): OpportunityLost => ({
  type: 'OpportunityLost',
  data: { opportunityId, fromStage, reason, lostAt: '2026-05-21T15:00:00.000Z' },
});

export const activityLogged = (activityId: string, subject = 'Discovery call'): ActivityLogged => ({
  type: 'ActivityLogged',
  data: {
    opportunityId,
    activityId,
    kind: 'call',
    occurredAt: '2026-03-02T14:00:00.000Z',
    subject,
    loggedAt: '2026-03-02T14:30:00.000Z',
  },
});
