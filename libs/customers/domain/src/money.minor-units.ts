import type { Money } from './customer.values';

// Sums and averages of money are done in integer minor units (cents): in binary
// floating point 0.1 + 0.2 is not 0.3, and a segment boundary must not move by
// a rounding error. Amounts have at most two decimals and stay below 10^9, so
// `amount * 100` is within 10^-5 of its integer and rounds to it exactly.

export const toMinorUnits = (amount: number): number => Math.round(amount * 100);

/** Back to major units with at most two decimals. */
export const fromMinorUnits = (minor: number, currency: string): Money => ({ amount: minor / 100, currency });

/** `total / count` rounded half up, in integers only. */
export const roundedAverage = (total: number, count: number): number => {
  const quotient = Math.floor(total / count);
  const remainder = total - quotient * count;
  return 2 * remainder >= count ? quotient + 1 : quotient;
};
