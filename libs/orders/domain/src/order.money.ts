import type { MinorUnits, Money } from './order.values';
import { maxMoneyAmount } from './order.values';

/**
 * Finite, not negative, at most two decimals, at most the v1 cap. Checked by
 * round-tripping through a two-decimal rendering rather than `x * 100 % 1`,
 * which misjudges values such as 0.29 whose binary form is not exact.
 */
export const isValidMoneyAmount = (amount: number): boolean =>
  Number.isFinite(amount) && amount >= 0 && amount <= maxMoneyAmount && Number(amount.toFixed(2)) === amount;

/** Three capital letters, the shape of an ISO 4217 code (whether the code is assigned is not checked). */
export const isCurrencyCode = (currency: string): boolean => /^[A-Z]{3}$/.test(currency);

/** Exact for every valid amount: rounding only removes the binary representation error of `amount * 100`. */
export const toMinorUnits = (amount: number): MinorUnits => Math.round(amount * 100);

/** Back to major units for events and views; `n / 100` is the double nearest the two-decimal value. */
export const toMoney = (minor: MinorUnits, currency: string): Money => ({ amount: minor / 100, currency });

export const maxMinorUnits: MinorUnits = toMinorUnits(maxMoneyAmount);
