import type { ContractInstant } from '@meridian/platform/contracts';
import { eventSchemaFor, instantSchema, jsonSchemaDialect, nonBlankTextSchema, textSchema } from '@meridian/platform/contracts';
import type { ContractCompanySize, ContractCustomerKind } from './customer-contract.values';
import { companySizeSchema, customerKindSchema, emailListSchema, phoneListSchema } from './customer-contract.values';
import { schemaIdOf } from './customers-topic';

// Names, regions, channels and owners are trimmed and never blank; optional
// fields are absent rather than empty.

export type CustomerRegisteredV1 = Readonly<{
  customerId: string;
  kind: ContractCustomerKind;
  name: string;
  industry?: string;
  region: string;
  size?: ContractCompanySize;
  sourceChannel: string;
  ownerId: string;
  emails: readonly string[];
  phones: readonly string[];
  registeredAt: ContractInstant;
}>;

export const customerRegisteredSchemaV1 = eventSchemaFor<CustomerRegisteredV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('CustomerRegistered', 1),
  title: 'CustomerRegistered',
  description: 'A company or person became a customer record, with normalised emails and phones.',
  type: 'object',
  additionalProperties: false,
  required: ['customerId', 'kind', 'name', 'region', 'sourceChannel', 'ownerId', 'emails', 'phones', 'registeredAt'],
  properties: {
    customerId: textSchema,
    kind: customerKindSchema,
    name: nonBlankTextSchema,
    industry: nonBlankTextSchema,
    region: nonBlankTextSchema,
    size: companySizeSchema,
    sourceChannel: nonBlankTextSchema,
    ownerId: nonBlankTextSchema,
    emails: emailListSchema,
    phones: phoneListSchema,
    registeredAt: instantSchema,
  },
});

export type CustomerProfileRevisedV1 = Readonly<{
  customerId: string;
  name: string;
  industry?: string;
  region: string;
  size?: ContractCompanySize;
  emails: readonly string[];
  phones: readonly string[];
  revisedAt: ContractInstant;
}>;

export const customerProfileRevisedSchemaV1 = eventSchemaFor<CustomerProfileRevisedV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('CustomerProfileRevised', 1),
  title: 'CustomerProfileRevised',
  description: 'The whole new profile, never a diff: an absent industry or size means the customer no longer has one.',
  type: 'object',
  additionalProperties: false,
  required: ['customerId', 'name', 'region', 'emails', 'phones', 'revisedAt'],
  properties: {
    customerId: textSchema,
    name: nonBlankTextSchema,
    industry: nonBlankTextSchema,
    region: nonBlankTextSchema,
    size: companySizeSchema,
    emails: emailListSchema,
    phones: phoneListSchema,
    revisedAt: instantSchema,
  },
});

export type CustomerOwnerChangedV1 = Readonly<{
  customerId: string;
  previousOwnerId: string;
  ownerId: string;
  changedAt: ContractInstant;
}>;

export const customerOwnerChangedSchemaV1 = eventSchemaFor<CustomerOwnerChangedV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('CustomerOwnerChanged', 1),
  title: 'CustomerOwnerChanged',
  description: 'The customer moved to another owner; never published for the owner it already had.',
  type: 'object',
  additionalProperties: false,
  required: ['customerId', 'previousOwnerId', 'ownerId', 'changedAt'],
  properties: {
    customerId: textSchema,
    previousOwnerId: nonBlankTextSchema,
    ownerId: nonBlankTextSchema,
    changedAt: instantSchema,
  },
});
