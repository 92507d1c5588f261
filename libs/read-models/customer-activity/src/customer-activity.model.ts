import type { ContractInteractionKind } from '@meridian/customers/contracts';
import type { ContractClosedStage, ContractOpenStage } from '@meridian/opportunities/contracts';
import type { ContractPaymentMethod } from '@meridian/orders/contracts';

export const customerActivityReadModel = 'customer-activity';

/** At most this many timeline entries are kept per source stream; older ones are dropped and counted in `truncated`. */
export const maxEntriesPerStream = 200;

/**
 * One line of a customer's timeline. `at` is the business time the event
 * names (when an interaction occurred, a payment was received …), in UTC so
 * that string order is time order across documents.
 */
export type ActivityEntry = Readonly<{
  at: string;
  /** The event type without its version, e.g. `PaymentReceived`. */
  type: string;
  summary: string;
  eventId: string;
  position: number;
}>;

export type ActivityInteraction = Readonly<{
  interactionId: string;
  kind: ContractInteractionKind;
  /** UTC. */
  occurredAt: string;
  summary: string;
  contactId: string | null;
}>;

export type CustomerRecordSummary = Readonly<{
  name: string;
  mergedInto: string | null;
  absorbed: readonly string[];
  /** The interaction that occurred last (not the one recorded last). */
  lastInteraction: ActivityInteraction | null;
}>;

/**
 * Money is kept in integer minor units (`…Minor`, hundredths: the contracts
 * allow at most two decimals in every currency) so sums stay exact; the
 * assembly helpers give it back in major units.
 */
export type OpportunitySummary = Readonly<{
  opportunityId: string;
  name: string;
  stage: ContractOpenStage | ContractClosedStage;
  amountMinor: number;
  currency: string;
  open: boolean;
  /** An archived deal is left out of the customer's open opportunities until it is restored; its timeline entries stay. */
  archived: boolean;
  ownerId: string;
  expectedCloseDate: string;
}>;

export type OrderStatus = 'drafted' | 'placed' | 'confirmed' | 'cancelled';

export type OrderPayment = Readonly<{ paymentId: string; amountMinor: number; method: ContractPaymentMethod; receivedAt: string }>;
export type OrderRefund = Readonly<{ refundId: string; amountMinor: number; reason: string; refundedAt: string }>;

export type OrderSummary = Readonly<{
  orderId: string;
  status: OrderStatus;
  currency: string;
  totalMinor: number;
  /** Running totals from the events (absolute, so a replay cannot add twice). */
  paidMinor: number;
  refundedMinor: number;
  opportunityId: string | null;
  /** When it was placed or drafted, UTC. */
  createdAt: string;
  /** UTC. */
  lastPaymentAt: string | null;
  payments: readonly OrderPayment[];
  refunds: readonly OrderRefund[];
}>;

type ActivityCommon = Readonly<{
  tenantId: string;
  sourceStreamId: string;
  customerId: string;
  /** In stream order, the last `maxEntriesPerStream`. */
  entries: readonly ActivityEntry[];
  /** How many older entries were dropped. */
  truncated: number;
  streamRevision: number;
  lastPosition: number;
}>;

export type CustomerRecordActivity = ActivityCommon & Readonly<{ kind: 'customer'; summary: CustomerRecordSummary }>;
export type OpportunityActivity = ActivityCommon & Readonly<{ kind: 'opportunity'; summary: OpportunitySummary }>;
export type OrderActivity = ActivityCommon & Readonly<{ kind: 'order'; summary: OrderSummary }>;

/** One document per source stream (customer, opportunity or order) that names its customer. */
export type CustomerActivityDocument = CustomerRecordActivity | OpportunityActivity | OrderActivity;
export type ActivityKind = CustomerActivityDocument['kind'];
