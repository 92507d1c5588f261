export type {
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
export type {
  ActivityLogged,
  OpportunityAmountRevised,
  OpportunityArchived,
  OpportunityCloseDateRescheduled,
  OpportunityEvent,
  OpportunityLost,
  OpportunityOpened,
  OpportunityOwnerReassigned,
  OpportunityReopened,
  OpportunityRestored,
  OpportunityStageChanged,
  OpportunityWon,
} from './opportunity.events';
export { opportunityEventTypes } from './opportunity.events';
export type { LoggedActivity, OpportunityDetails, OpportunityState } from './opportunity.state';
export { initialOpportunityState } from './opportunity.state';
export type { ActivityKind, CalendarDate, ClosedStage, Instant, Money, OpenStage, Stage } from './opportunity.values';
export { activityKinds, closedStages, isOpenStage, maxMoneyAmount, openStages, stageOrder, stages } from './opportunity.values';
export { decide, evolve, opportunityDecider, opportunityStreamId } from './opportunity.decider';
export { OpportunityRuleCodes, isCurrencyCode, isValidMoneyAmount } from './opportunity.rules';
export type { OpportunityRuleCode } from './opportunity.rules';
