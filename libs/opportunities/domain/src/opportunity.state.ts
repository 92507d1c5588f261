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
  /** Settled at the final amount when the deal is won, and kept at it if the deal is reopened. */
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
  /** Only while won; equals `amount` then. */
  finalAmount?: Money;
  activities: readonly LoggedActivity[];
  /** Only while archived: when, and why if a reason was given. */
  archivedAt?: Instant;
  archiveReason?: string;
}>;

export type OpportunityState = Readonly<{ status: 'absent' }> | Readonly<{ status: 'present' } & OpportunityDetails>;

export const initialOpportunityState: OpportunityState = { status: 'absent' };
