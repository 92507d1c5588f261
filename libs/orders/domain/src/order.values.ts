/** Major currency units (e.g. 1250.5 EUR) with at most two decimals; ISO 4217 code. */
export type Money = Readonly<{ amount: number; currency: string }>;

/** Instant, RFC 3339 with offset, e.g. `2026-03-01T09:30:00.000Z`. */
export type Instant = string;

/**
 * Hundredths of the currency unit, as an integer. All arithmetic on amounts
 * happens in this unit: 0.1 + 0.2 is not 0.3 in binary floating point, 10 + 20 is 30.
 */
export type MinorUnits = number;

export const paymentMethods = ['card', 'transfer', 'cash', 'other'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

/**
 * Largest amount an order, line or payment may carry: below it, two-decimal
 * amounts survive JSON Schema `multipleOf` checks in binary floating point (the v1 contracts).
 */
export const maxMoneyAmount = 999_999_999.99;

/** One line of an order, as it appears in the order's events. */
export type OrderLine = Readonly<{
  lineId: string;
  productId: string;
  description: string;
  /** Whole units, at least 1. */
  quantity: number;
  unitPrice: Money;
}>;

/**
 * `placed` and `drafted` are the two ways an order starts (by a person, or
 * from a won opportunity); both wait for confirmation.
 */
export const orderStatuses = ['placed', 'drafted', 'confirmed', 'cancelled'] as const;
export type OrderStatus = (typeof orderStatuses)[number];
