import { moneySchema, nonBlankTextSchema } from '@meridian/platform/contracts';
import type { ContractMoney } from '@meridian/platform/contracts';

/**
 * Value types of the public order events, v1. They repeat the domain's value
 * types on purpose: contracts never import the domain, and the domain's
 * conformance spec proves the two stay structurally identical.
 */
export const contractPaymentMethods = ['card', 'transfer', 'cash', 'other'] as const;
export type ContractPaymentMethod = (typeof contractPaymentMethods)[number];

export type ContractOrderLine = Readonly<{
  lineId: string;
  productId: string;
  description: string;
  quantity: number;
  unitPrice: ContractMoney;
}>;

export type { ContractInstant, ContractMoney } from '@meridian/platform/contracts';
export { instantSchema, moneySchema, nonBlankTextSchema, textSchema } from '@meridian/platform/contracts';

export const currencySchema = moneySchema.properties.currency;
export const paymentMethodSchema = { type: 'string', enum: contractPaymentMethods } as const;

/** Money the producer guarantees to be above zero (order totals, payments, refunds). */
export const positiveMoneySchema = {
  ...moneySchema,
  properties: { ...moneySchema.properties, amount: { ...moneySchema.properties.amount, exclusiveMinimum: 0 } },
} as const;

/** Lines are never empty, ids and descriptions never blank; a unit price may be zero (a free item). */
export const orderLinesSchema = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['lineId', 'productId', 'description', 'quantity', 'unitPrice'],
    properties: {
      lineId: nonBlankTextSchema,
      productId: nonBlankTextSchema,
      description: nonBlankTextSchema,
      quantity: { type: 'integer', minimum: 1 },
      unitPrice: moneySchema,
    },
  },
} as const;
