import type { ActivityKind, CalendarDate, Instant, Money, OpenStage, Stage } from './opportunity.values';

/** Every command names its time (`…At`) explicitly: the domain never reads a clock. */
export type OpenOpportunity = Readonly<{
  type: 'OpenOpportunity';
  data: {
    opportunityId: string;
    customerId: string;
    name: string;
    ownerId: string;
    amount: Money;
    expectedCloseDate: CalendarDate;
    sourceChannel: string;
    productLine: string;
    region: string;
    openedAt: Instant;
  };
}>;

export type ChangeOpportunityStage = Readonly<{
  type: 'ChangeOpportunityStage';
  data: {
    opportunityId: string;
    toStage: Stage;
    /** Required when `toStage` is `lost`. */
    lostReason?: string;
    /** Only for `won`; defaults to the current amount. */
    finalAmount?: Money;
    changedAt: Instant;
  };
}>;

export type ReviseOpportunityAmount = Readonly<{
  type: 'ReviseOpportunityAmount';
  data: { opportunityId: string; amount: Money; revisedAt: Instant };
}>;

export type RescheduleOpportunityClose = Readonly<{
  type: 'RescheduleOpportunityClose';
  data: { opportunityId: string; expectedCloseDate: CalendarDate; rescheduledAt: Instant };
}>;

export type ReassignOpportunityOwner = Readonly<{
  type: 'ReassignOpportunityOwner';
  data: { opportunityId: string; newOwnerId: string; reassignedAt: Instant };
}>;

export type LogOpportunityActivity = Readonly<{
  type: 'LogOpportunityActivity';
  data: {
    opportunityId: string;
    activityId: string;
    kind: ActivityKind;
    /** When the call, email, meeting or note happened (may be in the past). */
    occurredAt: Instant;
    subject: string;
    notes?: string;
    nextFollowUpOn?: CalendarDate;
    loggedAt: Instant;
  };
}>;

export type ReopenOpportunity = Readonly<{
  type: 'ReopenOpportunity';
  data: {
    opportunityId: string;
    /** Defaults to the stage the deal was closed from. */
    toStage?: OpenStage;
    reason?: string;
    reopenedAt: Instant;
  };
}>;

/** Takes a deal out of the lists and the funnel (a junk lead, a duplicate), in whatever stage it is. */
export type ArchiveOpportunity = Readonly<{
  type: 'ArchiveOpportunity';
  data: { opportunityId: string; reason?: string; archivedAt: Instant };
}>;

/** Brings an archived deal back exactly as it was archived. */
export type RestoreOpportunity = Readonly<{
  type: 'RestoreOpportunity';
  data: { opportunityId: string; restoredAt: Instant };
}>;

export type OpportunityCommand =
  | OpenOpportunity
  | ChangeOpportunityStage
  | ReviseOpportunityAmount
  | RescheduleOpportunityClose
  | ReassignOpportunityOwner
  | LogOpportunityActivity
  | ReopenOpportunity
  | ArchiveOpportunity
  | RestoreOpportunity;
