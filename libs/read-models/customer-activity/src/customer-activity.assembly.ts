import type { ContractMoney } from '@meridian/platform/contracts';
import type {
  ActivityInteraction,
  CustomerActivityDocument,
  OpportunityActivity,
  OpportunitySummary,
  OrderActivity,
  OrderPayment,
  OrderStatus,
} from './customer-activity.model';

/** Pure helpers that turn customer 360 parts into what the API shows; money leaves here in major units. */

/** Minor units back to major: exact for integers below 2^53 (a division by 100 of an integer gives the nearest double). */
export const moneyOf = (minor: number, currency: string): ContractMoney => ({ amount: minor / 100, currency });

const compareText = (a: string, b: string): number => (a === b ? 0 : a < b ? -1 : 1);

const opportunitiesOf = (parts: readonly CustomerActivityDocument[]): OpportunityActivity[] =>
  parts.filter((part): part is OpportunityActivity => part.kind === 'opportunity');

const ordersOf = (parts: readonly CustomerActivityDocument[]): OrderActivity[] => parts.filter((part): part is OrderActivity => part.kind === 'order');

/**
 * Paid minus refunded over every order of the parts, per currency (never
 * converted), summed in minor units so the total is exact. Currencies of
 * orders that never received a payment are left out; sorted by currency.
 */
export const lifetimeRevenue = (parts: readonly CustomerActivityDocument[]): ContractMoney[] => {
  const totals = new Map<string, number>();
  for (const { summary } of ordersOf(parts)) {
    if (summary.paidMinor === 0 && summary.refundedMinor === 0) continue;
    totals.set(summary.currency, (totals.get(summary.currency) ?? 0) + summary.paidMinor - summary.refundedMinor);
  }
  return [...totals].sort(([a], [b]) => compareText(a, b)).map(([currency, minor]) => moneyOf(minor, currency));
};

export type OpportunityView = Readonly<{
  opportunityId: string;
  customerId: string;
  name: string;
  stage: OpportunitySummary['stage'];
  amount: ContractMoney;
  ownerId: string;
  expectedCloseDate: string;
}>;

/** Open deals of the parts that are not archived, soonest expected close first. */
export const openOpportunities = (parts: readonly CustomerActivityDocument[]): OpportunityView[] =>
  opportunitiesOf(parts)
    // `archived` is absent from documents written before archiving existed: they are not archived.
    .filter(({ summary }) => summary.open && summary.archived !== true)
    .map(({ customerId, summary: s }) => ({
      opportunityId: s.opportunityId, customerId, name: s.name, stage: s.stage, amount: moneyOf(s.amountMinor, s.currency),
      ownerId: s.ownerId, expectedCloseDate: s.expectedCloseDate,
    }))
    .sort((a, b) => compareText(a.expectedCloseDate, b.expectedCloseDate) || compareText(a.opportunityId, b.opportunityId));

export type PaymentView = Readonly<{ paymentId: string; amount: ContractMoney; method: OrderPayment['method']; receivedAt: string }>;
export type RefundView = Readonly<{ refundId: string; amount: ContractMoney; reason: string; refundedAt: string }>;

export type OrderView = Readonly<{
  orderId: string;
  customerId: string;
  status: OrderStatus;
  total: ContractMoney;
  paid: ContractMoney;
  refunded: ContractMoney;
  /** Paid minus refunded. */
  netPaid: ContractMoney;
  opportunityId: string | null;
  createdAt: string;
  lastPaymentAt: string | null;
  payments: readonly PaymentView[];
  refunds: readonly RefundView[];
}>;

/** Orders of the parts with their payments and refunds, newest first. */
export const ordersWithPayments = (parts: readonly CustomerActivityDocument[]): OrderView[] =>
  ordersOf(parts)
    .map(({ customerId, summary: s }) => ({
      orderId: s.orderId, customerId, status: s.status, total: moneyOf(s.totalMinor, s.currency), paid: moneyOf(s.paidMinor, s.currency),
      refunded: moneyOf(s.refundedMinor, s.currency), netPaid: moneyOf(s.paidMinor - s.refundedMinor, s.currency),
      opportunityId: s.opportunityId, createdAt: s.createdAt, lastPaymentAt: s.lastPaymentAt,
      payments: s.payments.map((p) => ({ paymentId: p.paymentId, amount: moneyOf(p.amountMinor, s.currency), method: p.method, receivedAt: p.receivedAt })),
      refunds: s.refunds.map((r) => ({ refundId: r.refundId, amount: moneyOf(r.amountMinor, s.currency), reason: r.reason, refundedAt: r.refundedAt })),
    }))
    .sort((a, b) => compareText(b.createdAt, a.createdAt) || compareText(a.orderId, b.orderId));

export type InteractionView = ActivityInteraction & Readonly<{ customerId: string }>;

/** The interaction that occurred last across the lineage (ties: the larger interaction id, so the answer is stable). */
export const lastInteraction = (parts: readonly CustomerActivityDocument[]): InteractionView | null => {
  let last: InteractionView | null = null;
  for (const part of parts) {
    if (part.kind !== 'customer' || part.summary.lastInteraction === null) continue;
    const candidate = { ...part.summary.lastInteraction, customerId: part.customerId };
    const order = last === null ? 1 : compareText(candidate.occurredAt, last.occurredAt) || compareText(candidate.interactionId, last.interactionId);
    if (order > 0) last = candidate;
  }
  return last;
};
