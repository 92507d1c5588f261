import type { DomainEvent } from '@meridian/platform/eventsourcing';
import type { ActivityKind, CalendarDate, ClosedStage, Instant, Money, OpenStage, Stage } from './opportunity.values';

/** Facts, named by intent, carrying what read models need without re-reading the stream. */
export type OpportunityOpened = DomainEvent<'OpportunityOpened', {
  opportunityId: string;
  customerId: string;
  name: string;
  ownerId: string;
  amount: Money;
  expectedCloseDate: CalendarDate;
  sourceChannel: string;
  productLine: string;
  region: string;
  stage: 'lead';
  openedAt: Instant;
}>;

/** A move between open stages; `direction` tells progress from regression. */
export type OpportunityStageChanged = DomainEvent<'OpportunityStageChanged', {
  opportunityId: string;
  fromStage: OpenStage;
  toStage: OpenStage;
  direction: 'forward' | 'backward';
  changedAt: Instant;
}>;

export type OpportunityWon = DomainEvent<'OpportunityWon', {
  opportunityId: string;
  fromStage: OpenStage;
  finalAmount: Money;
  wonAt: Instant;
}>;

export type OpportunityLost = DomainEvent<'OpportunityLost', {
  opportunityId: string;
  fromStage: OpenStage;
  reason: string;
  lostAt: Instant;
}>;

export type OpportunityAmountRevised = DomainEvent<'OpportunityAmountRevised', {
  opportunityId: string;
  previousAmount: Money;
  amount: Money;
  revisedAt: Instant;
}>;

export type OpportunityCloseDateRescheduled = DomainEvent<'OpportunityCloseDateRescheduled', {
  opportunityId: string;
  previousExpectedCloseDate: CalendarDate;
  expectedCloseDate: CalendarDate;
  rescheduledAt: Instant;
}>;

export type OpportunityOwnerReassigned = DomainEvent<'OpportunityOwnerReassigned', {
  opportunityId: string;
  previousOwnerId: string;
  ownerId: string;
  reassignedAt: Instant;
}>;

export type ActivityLogged = DomainEvent<'ActivityLogged', {
  opportunityId: string;
  activityId: string;
  kind: ActivityKind;
  occurredAt: Instant;
  subject: string;
  notes?: string;
  nextFollowUpOn?: CalendarDate;
  loggedAt: Instant;
}>;

export type OpportunityReopened = DomainEvent<'OpportunityReopened', {
  opportunityId: string;
  previousOutcome: ClosedStage;
  toStage: OpenStage;
  reason?: string;
  reopenedAt: Instant;
}>;

/** The deal leaves every list and count until it is restored; its stage and details are kept as they were. */
export type OpportunityArchived = DomainEvent<'OpportunityArchived', {
  opportunityId: string;
  /** The stage it was archived in (open or closed). */
  stage: Stage;
  reason?: string;
  archivedAt: Instant;
}>;

/** The archived deal is back, in the stage it was archived in. */
export type OpportunityRestored = DomainEvent<'OpportunityRestored', {
  opportunityId: string;
  stage: Stage;
  restoredAt: Instant;
}>;

export type OpportunityEvent =
  | OpportunityOpened
  | OpportunityStageChanged
  | OpportunityWon
  | OpportunityLost
  | OpportunityAmountRevised
  | OpportunityCloseDateRescheduled
  | OpportunityOwnerReassigned
  | ActivityLogged
  | OpportunityReopened
  | OpportunityArchived
  | OpportunityRestored;

export const opportunityEventTypes = [
  'OpportunityOpened',
  'OpportunityStageChanged',
  'OpportunityWon',
  'OpportunityLost',
  'OpportunityAmountRevised',
  'OpportunityCloseDateRescheduled',
  'OpportunityOwnerReassigned',
  'ActivityLogged',
  'OpportunityReopened',
  'OpportunityArchived',
  'OpportunityRestored',
] as const satisfies readonly OpportunityEvent['type'][];
