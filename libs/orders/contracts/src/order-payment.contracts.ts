import { eventSchemaFor, jsonSchemaDialect, schemaIdOf } from './event-contract.schema';
import type { ContractInstant, ContractMoney, ContractPaymentMethod } from './order-contract.values';
import { instantSchema, moneySchema, nonBlankTextSchema, paymentMethodSchema, positiveMoneySchema, textSchema } from './order-contract.values';

// Running totals are absolute, not deltas: a consumer that sees an event twice,
// or only the latest one, still holds the right figures.

export type PaymentReceivedV1 = Readonly<{
  orderId: string;
  customerId: string;
  paymentId: string;
  amount: ContractMoney;
  paidToDate: ContractMoney;
  outstanding: ContractMoney;
  netPaid: ContractMoney;
  method: ContractPaymentMethod;
  receivedAt: ContractInstant;
}>;

export const paymentReceivedSchemaV1 = eventSchemaFor<PaymentReceivedV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('PaymentReceived', 1),
  title: 'PaymentReceived',
  description:
    'A payment on a confirmed order, in its currency, above zero and not above what was outstanding. ' +
    'paidToDate sums every payment (refunds not deducted); outstanding = total − paidToDate; netPaid = paidToDate − refunds so far (the net value of the order). Each paymentId appears once per order.',
  type: 'object',
  additionalProperties: false,
  required: ['orderId', 'customerId', 'paymentId', 'amount', 'paidToDate', 'outstanding', 'netPaid', 'method', 'receivedAt'],
  properties: {
    orderId: textSchema,
    customerId: textSchema,
    paymentId: textSchema,
    amount: positiveMoneySchema,
    paidToDate: positiveMoneySchema,
    outstanding: moneySchema,
    netPaid: moneySchema,
    method: paymentMethodSchema,
    receivedAt: instantSchema,
  },
});

export type OrderRefundedV1 = Readonly<{
  orderId: string;
  customerId: string;
  refundId: string;
  amount: ContractMoney;
  refundedToDate: ContractMoney;
  netPaid: ContractMoney;
  reason: string;
  refundedAt: ContractInstant;
}>;

export const orderRefundedSchemaV1 = eventSchemaFor<OrderRefundedV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('OrderRefunded', 1),
  title: 'OrderRefunded',
  description:
    'Money paid on the order went back to the customer, never more than was paid and not yet refunded. ' +
    'netPaid = paidToDate − refundedToDate: the order\'s net value. Each refundId appears once per order; the reason is never blank.',
  type: 'object',
  additionalProperties: false,
  required: ['orderId', 'customerId', 'refundId', 'amount', 'refundedToDate', 'netPaid', 'reason', 'refundedAt'],
  properties: {
    orderId: textSchema,
    customerId: textSchema,
    refundId: textSchema,
    amount: positiveMoneySchema,
    refundedToDate: positiveMoneySchema,
    netPaid: moneySchema,
    reason: nonBlankTextSchema,
    refundedAt: instantSchema,
  },
});
