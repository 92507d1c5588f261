import type { ContractInstant } from '@meridian/platform/contracts';
import { eventSchemaFor, instantSchema, jsonSchemaDialect, nonBlankTextSchema, textSchema } from '@meridian/platform/contracts';
import type { ContractInteractionKind } from './customer-contract.values';
import { emailListSchema, interactionKindSchema, phoneListSchema } from './customer-contract.values';
import { schemaIdOf } from './customers-topic';

// The people at a customer, and what happened with the customer.

export type ContactAddedV1 = Readonly<{
  customerId: string;
  contactId: string;
  name: string;
  title?: string;
  emails: readonly string[];
  phones: readonly string[];
  addedAt: ContractInstant;
}>;

const contactProperties = {
  customerId: textSchema,
  contactId: nonBlankTextSchema,
  name: nonBlankTextSchema,
  title: nonBlankTextSchema,
  emails: emailListSchema,
  phones: phoneListSchema,
} as const;

export const contactAddedSchemaV1 = eventSchemaFor<ContactAddedV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('ContactAdded', 1),
  title: 'ContactAdded',
  description: 'A person at the customer was added; a removed contact id may be added again.',
  type: 'object',
  additionalProperties: false,
  required: ['customerId', 'contactId', 'name', 'emails', 'phones', 'addedAt'],
  properties: { ...contactProperties, addedAt: instantSchema },
});

export type ContactRevisedV1 = Readonly<{
  customerId: string;
  contactId: string;
  name: string;
  title?: string;
  emails: readonly string[];
  phones: readonly string[];
  revisedAt: ContractInstant;
}>;

export const contactRevisedSchemaV1 = eventSchemaFor<ContactRevisedV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('ContactRevised', 1),
  title: 'ContactRevised',
  description: 'The whole new details of a current contact, never a diff: an absent title means it has none.',
  type: 'object',
  additionalProperties: false,
  required: ['customerId', 'contactId', 'name', 'emails', 'phones', 'revisedAt'],
  properties: { ...contactProperties, revisedAt: instantSchema },
});

export type ContactRemovedV1 = Readonly<{ customerId: string; contactId: string; removedAt: ContractInstant }>;

export const contactRemovedSchemaV1 = eventSchemaFor<ContactRemovedV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('ContactRemoved', 1),
  title: 'ContactRemoved',
  description: 'A current contact was removed from the customer.',
  type: 'object',
  additionalProperties: false,
  required: ['customerId', 'contactId', 'removedAt'],
  properties: { customerId: textSchema, contactId: nonBlankTextSchema, removedAt: instantSchema },
});

export type InteractionRecordedV1 = Readonly<{
  customerId: string;
  interactionId: string;
  kind: ContractInteractionKind;
  occurredAt: ContractInstant;
  summary: string;
  contactId?: string;
  recordedAt: ContractInstant;
}>;

export const interactionRecordedSchemaV1 = eventSchemaFor<InteractionRecordedV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('InteractionRecorded', 1),
  title: 'InteractionRecorded',
  description:
    'A call, email, meeting or visit with the customer, optionally with one of its contacts (current when recorded). ' +
    'Each interactionId is published at most once per customer.',
  type: 'object',
  additionalProperties: false,
  required: ['customerId', 'interactionId', 'kind', 'occurredAt', 'summary', 'recordedAt'],
  properties: {
    customerId: textSchema,
    interactionId: nonBlankTextSchema,
    kind: interactionKindSchema,
    occurredAt: instantSchema,
    summary: nonBlankTextSchema,
    contactId: nonBlankTextSchema,
    recordedAt: instantSchema,
  },
});
