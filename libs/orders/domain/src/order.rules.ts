import { BusinessRuleViolation } from '@meridian/platform/eventsourcing';
import type { OrderLineInput } from './order.commands';
import { isCurrencyCode, isValidMoneyAmount, maxMinorUnits, toMinorUnits, toMoney } from './order.money';
import type { MinorUnits, Money, OrderLine } from './order.values';

/**
 * Stable, machine-readable rule codes. Clients branch on them (the HTTP layer
 * answers 409 with the code), so renaming one is a breaking API change.
 * A missing order is reported as `AggregateNotFound` (code `not-found`, HTTP 404).
 */
export const OrderRuleCodes = {
  orderExists: 'order-exists',
  emptyOrder: 'empty-order',
  invalidCurrency: 'invalid-currency',
  currencyMismatch: 'currency-mismatch',
  invalidAmount: 'invalid-amount',
  invalidQuantity: 'invalid-quantity',
  invalidLine: 'invalid-line',
  duplicateLineId: 'duplicate-line-id',
  totalNotPositive: 'total-not-positive',
  totalTooLarge: 'total-too-large',
  notConfirmable: 'order-not-confirmable',
  paymentNotAllowed: 'payment-not-allowed',
  amountNotPositive: 'amount-not-positive',
  overpayment: 'overpayment',
  paymentIdReused: 'payment-id-reused',
  refundExceedsPaid: 'refund-exceeds-paid',
  refundReasonRequired: 'refund-reason-required',
  refundIdReused: 'refund-id-reused',
  notCancellable: 'order-not-cancellable',
  cancellationReasonRequired: 'cancellation-reason-required',
} as const;

export type OrderRuleCode = (typeof OrderRuleCodes)[keyof typeof OrderRuleCodes];

export const violation = (
  code: OrderRuleCode,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): BusinessRuleViolation => new BusinessRuleViolation(code, message, details);

/** A blank text is no text: trimmed, and `undefined` when nothing is left. */
export const nonBlank = (text: string | undefined): string | undefined => {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
};

/**
 * Checks the amount's shape and the currency, and returns it in minor units.
 * The shape is checked first, under its own code, because the public contract
 * promises it to every consumer whatever the order's currency.
 */
export const amountIn = (money: Money, currency: string, field: string): MinorUnits => {
  if (!isValidMoneyAmount(money.amount) || !isCurrencyCode(money.currency)) {
    throw violation(
      OrderRuleCodes.invalidAmount,
      `${field} must be a non-negative amount with at most two decimals in a three-letter currency, ` +
        `got ${String(money.amount)} ${String(money.currency)}`,
      { field, amount: money.amount, currency: money.currency },
    );
  }
  if (money.currency !== currency) {
    throw violation(OrderRuleCodes.currencyMismatch, `${field} is in ${money.currency}, the order is in ${currency}`, {
      field,
      currency: money.currency,
      orderCurrency: currency,
    });
  }
  return toMinorUnits(money.amount);
};

export type PricedLines = Readonly<{ lines: readonly OrderLine[]; total: MinorUnits }>;

/**
 * The order-wide rules of PlaceOrder and DraftOrderFromOpportunity: at least
 * one line, every line valid and in the order's currency, a total above zero
 * and within the contract cap. Returns clean copies of the lines (exactly the
 * agreed fields, texts trimmed) and the total, summed in minor units.
 */
export const priceLines = (currency: string, inputs: readonly OrderLineInput[]): PricedLines => {
  if (!isCurrencyCode(currency)) {
    throw violation(OrderRuleCodes.invalidCurrency, `currency must be a three-letter ISO 4217 code, got ${String(currency)}`, { currency });
  }
  if (inputs.length === 0) throw violation(OrderRuleCodes.emptyOrder, 'An order needs at least one line');
  const seen = new Set<string>();
  let total: MinorUnits = 0;
  const lines = inputs.map((input, index): OrderLine => {
    const line = cleanLine(input, index);
    if (seen.has(line.lineId)) {
      throw violation(OrderRuleCodes.duplicateLineId, `Line id ${line.lineId} appears twice`, { lineId: line.lineId });
    }
    seen.add(line.lineId);
    const unitPrice = amountIn(input.unitPrice, currency, `lines[${index}].unitPrice`);
    total += unitPrice * line.quantity;
    return line;
  });
  if (total <= 0) throw violation(OrderRuleCodes.totalNotPositive, 'An order must total more than zero');
  if (total > maxMinorUnits) {
    throw violation(OrderRuleCodes.totalTooLarge, `The order total exceeds ${maxMinorUnits / 100} ${currency}`, { total: toMoney(total, currency) });
  }
  return { lines, total };
};

const cleanLine = (input: OrderLineInput, index: number): OrderLine => {
  const lineId = nonBlank(input.lineId);
  const productId = nonBlank(input.productId);
  const description = nonBlank(input.description);
  if (lineId === undefined || productId === undefined || description === undefined) {
    const blank = [lineId === undefined && 'lineId', productId === undefined && 'productId', description === undefined && 'description'].filter(Boolean);
    throw violation(OrderRuleCodes.invalidLine, `lines[${index}] needs a non-blank ${blank.join(', ')}`, { line: index, fields: blank });
  }
  if (!Number.isSafeInteger(input.quantity) || input.quantity < 1) {
    throw violation(OrderRuleCodes.invalidQuantity, `lines[${index}].quantity must be a whole number of at least 1, got ${String(input.quantity)}`, {
      line: index,
      quantity: input.quantity,
    });
  }
  const { amount, currency } = input.unitPrice;
  return { lineId, productId, description, quantity: input.quantity, unitPrice: { amount, currency } };
};
