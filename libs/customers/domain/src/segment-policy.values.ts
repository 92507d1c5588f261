import { isCurrencyCode, isValidMoneyAmount } from './customer-fields.validate';
import { CustomerRuleCodes, violation } from './customer.rules';
import type { Money } from './customer.values';

/** How a tenant judges value segments: a window of days, one currency, and the two "high" thresholds. */
export type SegmentPolicy = Readonly<{
  windowDays: number;
  currency: string;
  /** An average order value at or above this is "high value"; in `currency`. */
  highAverageOrderValue: Money;
  /** This many purchases in the window or more is "high frequency". */
  highPurchaseCount: number;
}>;

/** The policy of a tenant that has not set one. */
export const defaultSegmentPolicy: SegmentPolicy = {
  windowDays: 365,
  currency: 'EUR',
  highAverageOrderValue: { amount: 1000, currency: 'EUR' },
  highPurchaseCount: 4,
};

export const maxSegmentWindowDays = 3650;

/** Everything wrong with a policy, one line per field; empty when it is valid. */
export const segmentPolicyProblems = (policy: SegmentPolicy): string[] => {
  const problems: string[] = [];
  if (!Number.isInteger(policy.windowDays) || policy.windowDays < 1 || policy.windowDays > maxSegmentWindowDays) {
    problems.push(`windowDays must be a whole number from 1 to ${maxSegmentWindowDays}`);
  }
  if (!isCurrencyCode(policy.currency)) problems.push('currency must be a three-letter ISO 4217 code');
  const threshold = policy.highAverageOrderValue;
  if (typeof threshold !== 'object' || threshold === null || !isValidMoneyAmount(threshold.amount) || threshold.amount <= 0) {
    problems.push('highAverageOrderValue must be above zero with at most two decimals');
  } else if (threshold.currency !== policy.currency) {
    problems.push('highAverageOrderValue must be in the policy currency');
  }
  if (!Number.isInteger(policy.highPurchaseCount) || policy.highPurchaseCount < 1) {
    problems.push('highPurchaseCount must be a whole number above zero');
  }
  return problems;
};

/** A clean copy of a valid policy, or `invalid-segment-policy` naming every problem. */
export const validSegmentPolicy = (policy: SegmentPolicy): SegmentPolicy => {
  const problems = segmentPolicyProblems(policy);
  if (problems.length > 0) {
    throw violation(CustomerRuleCodes.invalidSegmentPolicy, `Invalid segment policy: ${problems.join('; ')}`, { problems });
  }
  const { windowDays, currency, highAverageOrderValue, highPurchaseCount } = policy;
  return { windowDays, currency, highAverageOrderValue: { amount: highAverageOrderValue.amount, currency }, highPurchaseCount };
};

export const sameSegmentPolicy = (a: SegmentPolicy, b: SegmentPolicy): boolean =>
  a.windowDays === b.windowDays &&
  a.currency === b.currency &&
  a.highAverageOrderValue.amount === b.highAverageOrderValue.amount &&
  a.highAverageOrderValue.currency === b.highAverageOrderValue.currency &&
  a.highPurchaseCount === b.highPurchaseCount;
