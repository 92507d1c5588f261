import { eventSchemaFor, jsonSchemaDialect, schemaIdOf } from './event-contract.schema';
import type {
  ContractCalendarDate,
  ContractClosedStage,
  ContractInstant,
  ContractMoney,
  ContractOpenStage,
} from './opportunity-contract.values';
import {
  calendarDateSchema,
  closedStageSchema,
  instantSchema,
  moneySchema,
  openStageSchema,
  textSchema,
} from './opportunity-contract.values';

// Schemas promise only what the producer guarantees: free-text fields are plain
// strings, because a stricter schema than the domain would send valid events to the DLQ.

export type OpportunityOpenedV1 = Readonly<{
  opportunityId: string;
  customerId: string;
  name: string;
  ownerId: string;
  amount: ContractMoney;
  expectedCloseDate: ContractCalendarDate;
  sourceChannel: string;
  productLine: string;
  region: string;
  stage: 'lead';
  openedAt: ContractInstant;
}>;

export const opportunityOpenedSchemaV1 = eventSchemaFor<OpportunityOpenedV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('OpportunityOpened', 1),
  title: 'OpportunityOpened',
  description: 'A deal entered the pipeline; every deal starts at the lead stage.',
  type: 'object',
  additionalProperties: false,
  required: [
    'opportunityId', 'customerId', 'name', 'ownerId', 'amount', 'expectedCloseDate',
    'sourceChannel', 'productLine', 'region', 'stage', 'openedAt',
  ],
  properties: {
    opportunityId: textSchema,
    customerId: textSchema,
    name: textSchema,
    ownerId: textSchema,
    amount: moneySchema,
    expectedCloseDate: calendarDateSchema,
    sourceChannel: textSchema,
    productLine: textSchema,
    region: textSchema,
    stage: { const: 'lead' },
    openedAt: instantSchema,
  },
});

export type OpportunityStageChangedV1 = Readonly<{
  opportunityId: string;
  fromStage: ContractOpenStage;
  toStage: ContractOpenStage;
  direction: 'forward' | 'backward';
  changedAt: ContractInstant;
}>;

export const opportunityStageChangedSchemaV1 = eventSchemaFor<OpportunityStageChangedV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('OpportunityStageChanged', 1),
  title: 'OpportunityStageChanged',
  description: 'A move between two open stages. Closing a deal is OpportunityWon or OpportunityLost, never this event.',
  type: 'object',
  additionalProperties: false,
  required: ['opportunityId', 'fromStage', 'toStage', 'direction', 'changedAt'],
  properties: {
    opportunityId: textSchema,
    fromStage: openStageSchema,
    toStage: openStageSchema,
    direction: { type: 'string', enum: ['forward', 'backward'] },
    changedAt: instantSchema,
  },
});

export type OpportunityWonV1 = Readonly<{
  opportunityId: string;
  fromStage: ContractOpenStage;
  finalAmount: ContractMoney;
  wonAt: ContractInstant;
}>;

export const opportunityWonSchemaV1 = eventSchemaFor<OpportunityWonV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('OpportunityWon', 1),
  title: 'OpportunityWon',
  description: 'The deal closed as won, from the open stage it was in, for its final amount.',
  type: 'object',
  additionalProperties: false,
  required: ['opportunityId', 'fromStage', 'finalAmount', 'wonAt'],
  properties: {
    opportunityId: textSchema,
    fromStage: openStageSchema,
    finalAmount: moneySchema,
    wonAt: instantSchema,
  },
});

export type OpportunityLostV1 = Readonly<{
  opportunityId: string;
  fromStage: ContractOpenStage;
  reason: string;
  lostAt: ContractInstant;
}>;

export const opportunityLostSchemaV1 = eventSchemaFor<OpportunityLostV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('OpportunityLost', 1),
  title: 'OpportunityLost',
  description: 'The deal closed as lost, from the open stage it was in. The reason is never blank.',
  type: 'object',
  additionalProperties: false,
  required: ['opportunityId', 'fromStage', 'reason', 'lostAt'],
  properties: {
    opportunityId: textSchema,
    fromStage: openStageSchema,
    reason: { type: 'string', minLength: 1, pattern: '\\S' },
    lostAt: instantSchema,
  },
});

export type OpportunityReopenedV1 = Readonly<{
  opportunityId: string;
  previousOutcome: ContractClosedStage;
  toStage: ContractOpenStage;
  reason?: string;
  reopenedAt: ContractInstant;
}>;

export const opportunityReopenedSchemaV1 = eventSchemaFor<OpportunityReopenedV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('OpportunityReopened', 1),
  title: 'OpportunityReopened',
  description: 'A won or lost deal is being worked again, from the given open stage. Its close no longer counts.',
  type: 'object',
  additionalProperties: false,
  required: ['opportunityId', 'previousOutcome', 'toStage', 'reopenedAt'],
  properties: {
    opportunityId: textSchema,
    previousOutcome: closedStageSchema,
    toStage: openStageSchema,
    reason: { type: 'string', minLength: 1, pattern: '\\S' },
    reopenedAt: instantSchema,
  },
});
