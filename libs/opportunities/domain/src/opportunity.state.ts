import type { ActivityKind, CalendarDate, Instant, Money, OpenStage, Stage } from './opportunity.values';

export type LoggedActivity = Readonly<{
  activityId: string;
  kind: ActivityKind;
  occurredAt: Instant;
  subject: string;
  notes?: string;
  nextFollowUpOn?: CalendarDate;
}>;

export type OpportunityDetails = Readonly<{
  opportunityId: string;
  customerId: string;
  name: string;
  ownerId: string;
  amount: Money;
  expectedCloseDate: CalendarDate;
  sourceChannel: string;
  productLine: string;
  region: string;
  stage: Stage;
  stageEnteredAt: Instant;
  openedAt: Instant;
  /** The open stage the deal was in when it was won or lost. */
  closedFromStage?: OpenStage;
  closedAt?: Instant;
  lostReason?: string;
  finalAmount?: Money;
  activities: readonly LoggedActivity[];
}>;

export type OpportunityState = Readonly<{ status: 'absent' }> | Readonly<{ status: 'present' } & OpportunityDetails>;

export const initialOpportunityState: OpportunityState = { status: 'absent' };
