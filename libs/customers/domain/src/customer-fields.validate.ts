import type { ContactPointCheck } from './contact-point.normalise';
import { checkEmail, checkPhone } from './contact-point.normalise';
import { CustomerRuleCodes, violation } from './customer.rules';
import type { Instant, Money } from './customer.values';
import { isOneOf, maxMoneyAmount } from './customer.values';

// Field checks shared by the deciders. Each returns the clean value (trimmed,
// normalised, copied) so nothing a caller attached can reach a public event.

/** Trimmed text that must say something; `blank-field` otherwise. */
export const requiredText = (text: string | undefined, field: string): string => {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  if (trimmed === '') throw violation(CustomerRuleCodes.blankField, `${field} must not be blank`, { field });
  return trimmed;
};

/** A blank optional text is no text: trimmed, and `undefined` when nothing is left. */
export const optionalText = (text: string | undefined): string | undefined => {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
};

export const oneOf = <T extends string>(values: readonly T[], value: unknown, field: string): T => {
  if (!isOneOf(values, value)) {
    throw violation(CustomerRuleCodes.invalidField, `${field} must be one of ${values.join(', ')}`, { field, value });
  }
  return value;
};

const checkedList = (
  raws: readonly string[],
  check: (raw: string) => ContactPointCheck,
  code: typeof CustomerRuleCodes.invalidEmail | typeof CustomerRuleCodes.invalidPhone,
  field: string,
): string[] => {
  const values: string[] = [];
  for (const raw of raws) {
    const result = check(raw);
    if (!result.valid) throw violation(code, `${field}: "${raw}" ${result.problem}`, { field, value: raw, problem: result.problem });
    if (!values.includes(result.value)) values.push(result.value);
  }
  return values;
};

/** Normalised, validated and de-duplicated (first occurrence kept, order preserved). */
export const validEmails = (raws: readonly string[], field = 'emails'): string[] =>
  checkedList(raws, checkEmail, CustomerRuleCodes.invalidEmail, field);

/** Normalised with the command's default country code, validated and de-duplicated. */
export const validPhones = (raws: readonly string[], defaultCountryCode: string | undefined, field = 'phones'): string[] =>
  checkedList(raws, (raw) => checkPhone(raw, defaultCountryCode), CustomerRuleCodes.invalidPhone, field);

/** Finite, not negative, at most two decimals, below the wire cap (checked by a two-decimal round trip, not `x * 100 % 1`). */
export const isValidMoneyAmount = (amount: number): boolean =>
  Number.isFinite(amount) && amount >= 0 && amount <= maxMoneyAmount && Number(amount.toFixed(2)) === amount;

/** Three capital letters, the shape of an ISO 4217 code (whether it is assigned is not checked). */
export const isCurrencyCode = (currency: unknown): currency is string => typeof currency === 'string' && /^[A-Z]{3}$/.test(currency);

export const validMoney = (money: Money, field: string): Money => {
  if (!isValidMoneyAmount(money.amount) || !isCurrencyCode(money.currency)) {
    throw violation(CustomerRuleCodes.invalidMoney, `${field} must be a non-negative amount with at most two decimals in a three-letter currency`, {
      field, amount: money.amount, currency: money.currency,
    });
  }
  return { amount: money.amount, currency: money.currency };
};

const instantPattern = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/i;

/**
 * RFC 3339 with an offset, and a real calendar day (`Date.parse` alone takes
 * 30 February): the value-segment window is computed from it, and the public
 * contracts promise `date-time`.
 */
export const isInstant = (value: unknown): value is Instant => {
  const match = typeof value === 'string' ? instantPattern.exec(value) : null;
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth;
};

export const validInstant = (value: Instant, field: string): Instant => {
  if (!isInstant(value)) throw violation(CustomerRuleCodes.invalidField, `${field} must be an RFC 3339 instant with an offset`, { field, value });
  return value;
};
