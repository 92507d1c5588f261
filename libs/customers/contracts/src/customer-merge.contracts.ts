import type { ContractInstant } from '@meridian/platform/contracts';
import { eventSchemaFor, instantSchema, jsonSchemaDialect, nonBlankTextSchema, textSchema } from '@meridian/platform/contracts';
import { schemaIdOf } from './customers-topic';

// A merge is published on both streams: the survivor lists what it absorbed
// (lineage), the absorbed customer names its survivor (redirect). Unmerging
// mirrors it. A consumer may see the two halves in either order.

export type CustomersMergedV1 = Readonly<{ customerId: string; mergedCustomerId: string; reason?: string; mergedAt: ContractInstant }>;

export const customersMergedSchemaV1 = eventSchemaFor<CustomersMergedV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('CustomersMerged', 1),
  title: 'CustomersMerged',
  description: 'On the survivor (customerId): it absorbed mergedCustomerId, another customer that is not itself.',
  type: 'object',
  additionalProperties: false,
  required: ['customerId', 'mergedCustomerId', 'mergedAt'],
  properties: { customerId: textSchema, mergedCustomerId: nonBlankTextSchema, reason: nonBlankTextSchema, mergedAt: instantSchema },
});

export type CustomerMergedIntoV1 = Readonly<{ customerId: string; survivorId: string; mergedAt: ContractInstant }>;

export const customerMergedIntoSchemaV1 = eventSchemaFor<CustomerMergedIntoV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('CustomerMergedInto', 1),
  title: 'CustomerMergedInto',
  description: 'On the absorbed customer (customerId): from now on it redirects to survivorId and takes no commands but a revert.',
  type: 'object',
  additionalProperties: false,
  required: ['customerId', 'survivorId', 'mergedAt'],
  properties: { customerId: textSchema, survivorId: nonBlankTextSchema, mergedAt: instantSchema },
});

export type CustomersUnmergedV1 = Readonly<{ customerId: string; unmergedCustomerId: string; unmergedAt: ContractInstant }>;

export const customersUnmergedSchemaV1 = eventSchemaFor<CustomersUnmergedV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('CustomersUnmerged', 1),
  title: 'CustomersUnmerged',
  description: 'On the survivor (customerId): it gave back unmergedCustomerId, which it had absorbed.',
  type: 'object',
  additionalProperties: false,
  required: ['customerId', 'unmergedCustomerId', 'unmergedAt'],
  properties: { customerId: textSchema, unmergedCustomerId: nonBlankTextSchema, unmergedAt: instantSchema },
});

export type CustomerMergeRevertedV1 = Readonly<{ customerId: string; formerSurvivorId: string; revertedAt: ContractInstant }>;

export const customerMergeRevertedSchemaV1 = eventSchemaFor<CustomerMergeRevertedV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('CustomerMergeReverted', 1),
  title: 'CustomerMergeReverted',
  description: 'On the formerly absorbed customer (customerId): it stands on its own again and no longer redirects.',
  type: 'object',
  additionalProperties: false,
  required: ['customerId', 'formerSurvivorId', 'revertedAt'],
  properties: { customerId: textSchema, formerSurvivorId: nonBlankTextSchema, revertedAt: instantSchema },
});
