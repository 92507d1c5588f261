import type { ContractInstant } from '@meridian/platform/contracts';
import { eventSchemaFor, instantSchema, jsonSchemaDialect, nonBlankTextSchema, textSchema } from '@meridian/platform/contracts';
import { schemaIdOf } from './customers-topic';

// Archiving takes a customer out of day-to-day work and a restore brings it
// back; nothing it had is lost in between. A consumer that lists or counts
// customers should leave an archived one out until its CustomerRestored.

export type CustomerArchivedV1 = Readonly<{ customerId: string; reason?: string; archivedAt: ContractInstant }>;

export const customerArchivedSchemaV1 = eventSchemaFor<CustomerArchivedV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('CustomerArchived', 1),
  title: 'CustomerArchived',
  description:
    'The customer was archived: it leaves lists and segment counts and takes no profile, contact, label, owner, intent or merge commands ' +
    '(a consent withdrawal and order values still arrive) until restored. Never published for a customer already archived.',
  type: 'object',
  additionalProperties: false,
  required: ['customerId', 'archivedAt'],
  properties: { customerId: textSchema, reason: nonBlankTextSchema, archivedAt: instantSchema },
});

export type CustomerRestoredV1 = Readonly<{ customerId: string; restoredAt: ContractInstant }>;

export const customerRestoredSchemaV1 = eventSchemaFor<CustomerRestoredV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('CustomerRestored', 1),
  title: 'CustomerRestored',
  description: 'An archived customer is back in day-to-day work, with everything it had. Only ever follows a CustomerArchived.',
  type: 'object',
  additionalProperties: false,
  required: ['customerId', 'restoredAt'],
  properties: { customerId: textSchema, restoredAt: instantSchema },
});
