import { BusinessRuleViolation } from '@meridian/platform/eventsourcing';
import type { CalendarDate, Instant, Money } from './opportunity.values';
import { maxMoneyAmount } from './opportunity.values';

/**
 * Stable, machine-readable rule codes. Clients branch on them (the HTTP layer
 * answers 409 with the code), so renaming one is a breaking API change.
 * A missing opportunity is reported as `AggregateNotFound` (code `not-found`).
 */
export const OpportunityRuleCodes = {
  alreadyExists: 'opportunity-already-exists',
  closed: 'opportunity-closed',
  stageUnchanged: 'stage-unchanged',
  lostReasonRequired: 'lost-reason-required',
  finalAmountOnlyWhenWon: 'final-amount-only-when-won',
  amountUnchanged: 'amount-unchanged',
  closeDateUnchanged: 'close-date-unchanged',
  ownerUnchanged: 'owner-unchanged',
  invalidAmount: 'invalid-amount',
  followUpBeforeActivity: 'follow-up-before-activity',
  notClosed: 'opportunity-not-closed',
  /** Any command but RestoreOpportunity on an archived deal. */
  archived: 'opportunity-archived',
  alreadyArchived: 'already-archived',
  notArchived: 'not-archived',
} as const;

export type OpportunityRuleCode = (typeof OpportunityRuleCodes)[keyof typeof OpportunityRuleCodes];

export const violation = (
  code: OpportunityRuleCode,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): BusinessRuleViolation => new BusinessRuleViolation(code, message, details);

/**
 * Finite, not negative, at most two decimals. Checked by round-tripping through
 * a two-decimal rendering rather than `x * 100 % 1`, which misjudges values such
 * as 0.29 whose binary form is not exact.
 */
export const isValidMoneyAmount = (amount: number): boolean =>
  Number.isFinite(amount) && amount >= 0 && amount <= maxMoneyAmount && Number(amount.toFixed(2)) === amount;

/** Three capital letters, the shape of an ISO 4217 code (whether the code is assigned is not checked). */
export const isCurrencyCode = (currency: string): boolean => /^[A-Z]{3}$/.test(currency);

/**
 * Returns a clean copy: exactly `amount` and `currency`, so nothing else a caller
 * attached can reach a public event. The currency is checked here too, under the
 * same code, because the public contract promises its shape to every consumer.
 */
export const validMoney = (money: Money, field: string): Money => {
  if (!isValidMoneyAmount(money.amount) || !isCurrencyCode(money.currency)) {
    throw violation(
      OpportunityRuleCodes.invalidAmount,
      `${field} must be a non-negative amount with at most two decimals in a three-letter currency, ` +
        `got ${String(money.amount)} ${String(money.currency)}`,
      { field, amount: money.amount, currency: money.currency },
    );
  }
  return { amount: money.amount, currency: money.currency };
};

export const sameMoney = (a: Money, b: Money): boolean => a.amount === b.amount && a.currency === b.currency;

/**
 * The calendar date of an instant as the client wrote it, i.e. in the offset it
 * sent. A follow-up date is a date in the rep's own calendar, and the offset the
 * client supplied is the only hint of that calendar the domain has; converting
 * to UTC first would move late-evening activities to the next day.
 */
export const calendarDateOf = (instant: Instant): CalendarDate => instant.slice(0, 10);

/** A blank text is no text: trimmed, and `undefined` when nothing is left. */
export const nonBlank = (text: string | undefined): string | undefined => {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
};
