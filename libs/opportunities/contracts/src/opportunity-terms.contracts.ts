import { eventSchemaFor, jsonSchemaDialect, schemaIdOf } from './event-contract.schema';
import type { ContractCalendarDate, ContractInstant, ContractMoney } from './opportunity-contract.values';
import { calendarDateSchema, instantSchema, moneySchema, textSchema } from './opportunity-contract.values';

// Each revision carries the previous value too, so a read model can apply it
// without having kept the old one (and can check it against what it holds).

export type OpportunityAmountRevisedV1 = Readonly<{
  opportunityId: string;
  previousAmount: ContractMoney;
  amount: ContractMoney;
  revisedAt: ContractInstant;
}>;

export const opportunityAmountRevisedSchemaV1 = eventSchemaFor<OpportunityAmountRevisedV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('OpportunityAmountRevised', 1),
  title: 'OpportunityAmountRevised',
  description: 'The expected amount of an open deal changed (value, currency or both).',
  type: 'object',
  additionalProperties: false,
  required: ['opportunityId', 'previousAmount', 'amount', 'revisedAt'],
  properties: {
    opportunityId: textSchema,
    previousAmount: moneySchema,
    amount: moneySchema,
    revisedAt: instantSchema,
  },
});

export type OpportunityCloseDateRescheduledV1 = Readonly<{
  opportunityId: string;
  previousExpectedCloseDate: ContractCalendarDate;
  expectedCloseDate: ContractCalendarDate;
  rescheduledAt: ContractInstant;
}>;

export const opportunityCloseDateRescheduledSchemaV1 = eventSchemaFor<OpportunityCloseDateRescheduledV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('OpportunityCloseDateRescheduled', 1),
  title: 'OpportunityCloseDateRescheduled',
  description: 'The expected close date of an open deal moved.',
  type: 'object',
  additionalProperties: false,
  required: ['opportunityId', 'previousExpectedCloseDate', 'expectedCloseDate', 'rescheduledAt'],
  properties: {
    opportunityId: textSchema,
    previousExpectedCloseDate: calendarDateSchema,
    expectedCloseDate: calendarDateSchema,
    rescheduledAt: instantSchema,
  },
});

export type OpportunityOwnerReassignedV1 = Readonly<{
  opportunityId: string;
  previousOwnerId: string;
  ownerId: string;
  reassignedAt: ContractInstant;
}>;

export const opportunityOwnerReassignedSchemaV1 = eventSchemaFor<OpportunityOwnerReassignedV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('OpportunityOwnerReassigned', 1),
  title: 'OpportunityOwnerReassigned',
  description: 'The deal moved to another owner. May happen after a close: credit for a won deal can move.',
  type: 'object',
  additionalProperties: false,
  required: ['opportunityId', 'previousOwnerId', 'ownerId', 'reassignedAt'],
  properties: {
    opportunityId: textSchema,
    previousOwnerId: textSchema,
    ownerId: textSchema,
    reassignedAt: instantSchema,
  },
});
