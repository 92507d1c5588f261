import type { ContractInstant } from '@meridian/platform/contracts';
import { eventSchemaFor, instantSchema, jsonSchemaDialect, nonBlankTextSchema, textSchema } from '@meridian/platform/contracts';
import type { ContractConsentPurpose, ContractIntentLevel } from './customer-contract.values';
import { consentPurposeSchema, intentLevelSchema } from './customer-contract.values';
import { schemaIdOf } from './customers-topic';

// How a customer is labelled and may be approached: tags, groups, intent, consent.

export type CustomerTaggedV1 = Readonly<{ customerId: string; tag: string; taggedAt: ContractInstant }>;

export const customerTaggedSchemaV1 = eventSchemaFor<CustomerTaggedV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('CustomerTagged', 1),
  title: 'CustomerTagged',
  description: 'A tag (trimmed, lower-cased) was put on the customer; never published for a tag it already had.',
  type: 'object',
  additionalProperties: false,
  required: ['customerId', 'tag', 'taggedAt'],
  properties: { customerId: textSchema, tag: nonBlankTextSchema, taggedAt: instantSchema },
});

export type CustomerUntaggedV1 = Readonly<{ customerId: string; tag: string; untaggedAt: ContractInstant }>;

export const customerUntaggedSchemaV1 = eventSchemaFor<CustomerUntaggedV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('CustomerUntagged', 1),
  title: 'CustomerUntagged',
  description: 'A tag the customer had was taken off.',
  type: 'object',
  additionalProperties: false,
  required: ['customerId', 'tag', 'untaggedAt'],
  properties: { customerId: textSchema, tag: nonBlankTextSchema, untaggedAt: instantSchema },
});

export type CustomerGroupsAssignedV1 = Readonly<{ customerId: string; groups: readonly string[]; assignedAt: ContractInstant }>;

export const customerGroupsAssignedSchemaV1 = eventSchemaFor<CustomerGroupsAssignedV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('CustomerGroupsAssigned', 1),
  title: 'CustomerGroupsAssigned',
  description: 'The whole new set of groups (possibly empty), each listed once.',
  type: 'object',
  additionalProperties: false,
  required: ['customerId', 'groups', 'assignedAt'],
  properties: {
    customerId: textSchema,
    groups: { type: 'array', uniqueItems: true, items: nonBlankTextSchema },
    assignedAt: instantSchema,
  },
});

export type CustomerIntentLevelSetV1 = Readonly<{
  customerId: string;
  level: ContractIntentLevel;
  reason: string;
  setAt: ContractInstant;
}>;

export const customerIntentLevelSetSchemaV1 = eventSchemaFor<CustomerIntentLevelSetV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('CustomerIntentLevelSet', 1),
  title: 'CustomerIntentLevelSet',
  description: 'How likely the customer is to buy, and why; never published for the same level and reason again.',
  type: 'object',
  additionalProperties: false,
  required: ['customerId', 'level', 'reason', 'setAt'],
  properties: { customerId: textSchema, level: intentLevelSchema, reason: nonBlankTextSchema, setAt: instantSchema },
});

export type CustomerConsentRecordedV1 = Readonly<{
  customerId: string;
  purpose: ContractConsentPurpose;
  granted: boolean;
  source: string;
  recordedAt: ContractInstant;
}>;

export const customerConsentRecordedSchemaV1 = eventSchemaFor<CustomerConsentRecordedV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('CustomerConsentRecorded', 1),
  title: 'CustomerConsentRecorded',
  description: 'The customer granted or withdrew consent for one purpose; every statement is published, repeats included.',
  type: 'object',
  additionalProperties: false,
  required: ['customerId', 'purpose', 'granted', 'source', 'recordedAt'],
  properties: {
    customerId: textSchema,
    purpose: consentPurposeSchema,
    granted: { type: 'boolean' },
    source: nonBlankTextSchema,
    recordedAt: instantSchema,
  },
});
