import type { ContractInstant, ContractMoney } from '@meridian/platform/contracts';
import { eventSchemaFor, instantSchema, jsonSchemaDialect, moneySchema, nonBlankTextSchema, textSchema } from '@meridian/platform/contracts';
import type { ContractValueSegment } from './customer-contract.values';
import { contractValueSegments, countSchema, valueSegmentSchema } from './customer-contract.values';
import { schemaIdOf } from './customers-topic';

// What a customer is worth: order values on the customer stream, the segment
// they put it in, and the tenant's policy for judging it.

export type CustomerOrderValueRecordedV1 = Readonly<{
  customerId: string;
  orderId: string;
  netValue: ContractMoney;
  purchasedAt: ContractInstant;
  orderRevision: number;
  recordedAt: ContractInstant;
}>;

export const customerOrderValueRecordedSchemaV1 = eventSchemaFor<CustomerOrderValueRecordedV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('CustomerOrderValueRecorded', 1),
  title: 'CustomerOrderValueRecorded',
  description:
    'The absolute net value (paid minus refunded) of one order, as of orderRevision of the order stream; it replaces ' +
    'any earlier value of that order. orderRevision only grows per order; purchasedAt is the first one recorded and never moves.',
  type: 'object',
  additionalProperties: false,
  required: ['customerId', 'orderId', 'netValue', 'purchasedAt', 'orderRevision', 'recordedAt'],
  properties: {
    customerId: textSchema,
    orderId: nonBlankTextSchema,
    netValue: moneySchema,
    purchasedAt: instantSchema,
    orderRevision: countSchema,
    recordedAt: instantSchema,
  },
});

export type CustomerValueSegmentChangedV1 = Readonly<{
  customerId: string;
  previousSegment: ContractValueSegment | null;
  segment: ContractValueSegment;
  purchaseCount: number;
  averageOrderValue: ContractMoney | null;
  windowStart: ContractInstant;
  windowEnd: ContractInstant;
  changedAt: ContractInstant;
}>;

export const customerValueSegmentChangedSchemaV1 = eventSchemaFor<CustomerValueSegmentChangedV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('CustomerValueSegmentChanged', 1),
  title: 'CustomerValueSegmentChanged',
  description:
    'The value segment changed (previousSegment is null the first time one is judged): A no purchase in the window ' +
    '(windowStart, windowEnd], B low value and frequency, C high value, D high frequency, E both. averageOrderValue ' +
    'is null exactly when purchaseCount is 0.',
  type: 'object',
  additionalProperties: false,
  required: ['customerId', 'previousSegment', 'segment', 'purchaseCount', 'averageOrderValue', 'windowStart', 'windowEnd', 'changedAt'],
  properties: {
    customerId: textSchema,
    previousSegment: { enum: [...contractValueSegments, null] },
    segment: valueSegmentSchema,
    purchaseCount: countSchema,
    averageOrderValue: { anyOf: [moneySchema, { type: 'null' }] },
    windowStart: instantSchema,
    windowEnd: instantSchema,
    changedAt: instantSchema,
  },
});

export type SegmentPolicySetV1 = Readonly<{
  windowDays: number;
  currency: string;
  highAverageOrderValue: ContractMoney;
  highPurchaseCount: number;
  setAt: ContractInstant;
}>;

export const segmentPolicySetSchemaV1 = eventSchemaFor<SegmentPolicySetV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('SegmentPolicySet', 1),
  title: 'SegmentPolicySet',
  description:
    "A tenant's value-segment policy from setAt on (stream segment_policy-<tenantId>; the tenant is in the event " +
    'metadata). highAverageOrderValue is above zero and in currency.',
  type: 'object',
  additionalProperties: false,
  required: ['windowDays', 'currency', 'highAverageOrderValue', 'highPurchaseCount', 'setAt'],
  properties: {
    windowDays: { type: 'integer', minimum: 1, maximum: 3650 },
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    highAverageOrderValue: moneySchema,
    highPurchaseCount: { type: 'integer', minimum: 1 },
    setAt: instantSchema,
  },
});
