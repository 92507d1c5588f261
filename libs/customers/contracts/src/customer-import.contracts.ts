import type { ContractInstant } from '@meridian/platform/contracts';
import { eventSchemaFor, instantSchema, jsonSchemaDialect, nonBlankTextSchema, textSchema } from '@meridian/platform/contracts';
import type { ContractDuplicateReason } from './customer-contract.values';
import { countSchema, duplicateReasonSchema, rowNumberSchema } from './customer-contract.values';
import { schemaIdOf } from './customers-topic';

// An import job's progress, on stream customer_import-<importId>. Rows are
// numbered from 1, the first data row after the header.

export type CustomerImportStartedV1 = Readonly<{
  importId: string;
  fileName: string;
  fileSha256: string;
  rowCount: number;
  startedAt: ContractInstant;
}>;

export const customerImportStartedSchemaV1 = eventSchemaFor<CustomerImportStartedV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('CustomerImportStarted', 1),
  title: 'CustomerImportStarted',
  description: 'An import of a file of rowCount data rows began; importId is derived from the tenant and the file bytes.',
  type: 'object',
  additionalProperties: false,
  required: ['importId', 'fileName', 'fileSha256', 'rowCount', 'startedAt'],
  properties: {
    importId: textSchema,
    fileName: nonBlankTextSchema,
    fileSha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    rowCount: countSchema,
    startedAt: instantSchema,
  },
});

export type CustomerImportBatchProcessedV1 = Readonly<{
  importId: string;
  firstRow: number;
  lastRow: number;
  imported: readonly Readonly<{ row: number; customerId: string; possibleDuplicates?: readonly string[] }>[];
  duplicates: readonly Readonly<{ row: number; duplicateOf: Readonly<{ customerId?: string; row?: number }>; reason: ContractDuplicateReason }>[];
  rejected: readonly Readonly<{ row: number; errors: readonly Readonly<{ field: string; message: string }>[] }>[];
  processedAt: ContractInstant;
}>;

const rowEntry = (properties: Readonly<Record<string, unknown>>, required: readonly string[]) =>
  ({ type: 'object', additionalProperties: false, required: ['row', ...required], properties: { row: rowNumberSchema, ...properties } }) as const;

export const customerImportBatchProcessedSchemaV1 = eventSchemaFor<CustomerImportBatchProcessedV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('CustomerImportBatchProcessed', 1),
  title: 'CustomerImportBatchProcessed',
  description:
    'Rows firstRow..lastRow were processed, each listed exactly once: imported as a customer, held back as a duplicate ' +
    'of an existing customer or an earlier row, or rejected with the errors of its fields. Batches follow each other without gaps.',
  type: 'object',
  additionalProperties: false,
  required: ['importId', 'firstRow', 'lastRow', 'imported', 'duplicates', 'rejected', 'processedAt'],
  properties: {
    importId: textSchema,
    firstRow: rowNumberSchema,
    lastRow: rowNumberSchema,
    imported: {
      type: 'array',
      items: rowEntry({ customerId: nonBlankTextSchema, possibleDuplicates: { type: 'array', minItems: 1, items: nonBlankTextSchema } }, ['customerId']),
    },
    duplicates: {
      type: 'array',
      items: rowEntry(
        {
          duplicateOf: {
            type: 'object',
            additionalProperties: false,
            minProperties: 1,
            properties: { customerId: nonBlankTextSchema, row: rowNumberSchema },
          },
          reason: duplicateReasonSchema,
        },
        ['duplicateOf', 'reason'],
      ),
    },
    rejected: {
      type: 'array',
      items: rowEntry(
        {
          errors: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['field', 'message'],
              properties: { field: nonBlankTextSchema, message: nonBlankTextSchema },
            },
          },
        },
        ['errors'],
      ),
    },
    processedAt: instantSchema,
  },
});

export type CustomerImportCompletedV1 = Readonly<{
  importId: string;
  imported: number;
  duplicates: number;
  rejected: number;
  completedAt: ContractInstant;
}>;

export const customerImportCompletedSchemaV1 = eventSchemaFor<CustomerImportCompletedV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('CustomerImportCompleted', 1),
  title: 'CustomerImportCompleted',
  description: 'Every row was processed; the counts sum to the rowCount the import started with. Published once per import.',
  type: 'object',
  additionalProperties: false,
  required: ['importId', 'imported', 'duplicates', 'rejected', 'completedAt'],
  properties: { importId: textSchema, imported: countSchema, duplicates: countSchema, rejected: countSchema, completedAt: instantSchema },
});
