import { eventSchemaFor, jsonSchemaDialect, schemaIdOf } from './event-contract.schema';
import type { ContractInstant, ContractMoney, ContractOrderLine } from './order-contract.values';
import { currencySchema, instantSchema, nonBlankTextSchema, orderLinesSchema, positiveMoneySchema, textSchema } from './order-contract.values';

// Schemas promise only what the producer guarantees: ids are plain strings,
// because a stricter schema than the domain would send valid events to the DLQ.

export type OrderPlacedV1 = Readonly<{
  orderId: string;
  customerId: string;
  currency: string;
  lines: readonly ContractOrderLine[];
  total: ContractMoney;
  opportunityId?: string;
  placedAt: ContractInstant;
}>;

export const orderPlacedSchemaV1 = eventSchemaFor<OrderPlacedV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('OrderPlaced', 1),
  title: 'OrderPlaced',
  description:
    'A person placed an order. Every line is in the order currency; total = sum of quantity × unit price, above zero. ' +
    'opportunityId names the deal it closes, when given.',
  type: 'object',
  additionalProperties: false,
  required: ['orderId', 'customerId', 'currency', 'lines', 'total', 'placedAt'],
  properties: {
    orderId: textSchema,
    customerId: textSchema,
    currency: currencySchema,
    lines: orderLinesSchema,
    total: positiveMoneySchema,
    opportunityId: nonBlankTextSchema,
    placedAt: instantSchema,
  },
});

export type OrderDraftedFromOpportunityV1 = Readonly<{
  orderId: string;
  customerId: string;
  opportunityId: string;
  currency: string;
  lines: readonly ContractOrderLine[];
  total: ContractMoney;
  draftedAt: ContractInstant;
}>;

export const orderDraftedFromOpportunitySchemaV1 = eventSchemaFor<OrderDraftedFromOpportunityV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('OrderDraftedFromOpportunity', 1),
  title: 'OrderDraftedFromOpportunity',
  description:
    'A won opportunity drafted an order (one line: its product line at its final amount). At most one per opportunity and tenant: ' +
    'the order id is derived from them, and a second draft appends nothing.',
  type: 'object',
  additionalProperties: false,
  required: ['orderId', 'customerId', 'opportunityId', 'currency', 'lines', 'total', 'draftedAt'],
  properties: {
    orderId: textSchema,
    customerId: textSchema,
    opportunityId: textSchema,
    currency: currencySchema,
    lines: orderLinesSchema,
    total: positiveMoneySchema,
    draftedAt: instantSchema,
  },
});

export type OrderConfirmedV1 = Readonly<{
  orderId: string;
  customerId: string;
  total: ContractMoney;
  confirmedAt: ContractInstant;
}>;

export const orderConfirmedSchemaV1 = eventSchemaFor<OrderConfirmedV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('OrderConfirmed', 1),
  title: 'OrderConfirmed',
  description: 'A placed or drafted order was confirmed: from now on it takes payments. Happens at most once per order.',
  type: 'object',
  additionalProperties: false,
  required: ['orderId', 'customerId', 'total', 'confirmedAt'],
  properties: {
    orderId: textSchema,
    customerId: textSchema,
    total: positiveMoneySchema,
    confirmedAt: instantSchema,
  },
});

export type OrderCancelledV1 = Readonly<{
  orderId: string;
  customerId: string;
  reason: string;
  cancelledAt: ContractInstant;
}>;

export const orderCancelledSchemaV1 = eventSchemaFor<OrderCancelledV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('OrderCancelled', 1),
  title: 'OrderCancelled',
  description: 'An unpaid order (nothing paid, or everything refunded) was cancelled; it is the last event of its stream. The reason is never blank.',
  type: 'object',
  additionalProperties: false,
  required: ['orderId', 'customerId', 'reason', 'cancelledAt'],
  properties: {
    orderId: textSchema,
    customerId: textSchema,
    reason: nonBlankTextSchema,
    cancelledAt: instantSchema,
  },
});
