import { eventSchemaFor, jsonSchemaDialect, schemaIdOf } from './event-contract.schema';
import type { ContractClosedStage, ContractInstant, ContractOpenStage } from './opportunity-contract.values';
import { contractClosedStages, contractOpenStages, instantSchema, textSchema } from './opportunity-contract.values';

/** Any stage, open or closed: a deal can be archived in any of them. */
const stageSchema = { type: 'string', enum: [...contractOpenStages, ...contractClosedStages] } as const;

export type OpportunityArchivedV1 = Readonly<{
  opportunityId: string;
  stage: ContractOpenStage | ContractClosedStage;
  reason?: string;
  archivedAt: ContractInstant;
}>;

export const opportunityArchivedSchemaV1 = eventSchemaFor<OpportunityArchivedV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('OpportunityArchived', 1),
  title: 'OpportunityArchived',
  description:
    'The deal was archived (a junk lead, a duplicate) in the stage it was in, which it keeps. ' +
    'Until OpportunityRestored it counts nowhere: no list shows it by default and no funnel counts it.',
  type: 'object',
  additionalProperties: false,
  required: ['opportunityId', 'stage', 'archivedAt'],
  properties: {
    opportunityId: textSchema,
    stage: stageSchema,
    reason: { type: 'string', minLength: 1, pattern: '\\S' },
    archivedAt: instantSchema,
  },
});

export type OpportunityRestoredV1 = Readonly<{
  opportunityId: string;
  stage: ContractOpenStage | ContractClosedStage;
  restoredAt: ContractInstant;
}>;

export const opportunityRestoredSchemaV1 = eventSchemaFor<OpportunityRestoredV1>()({
  $schema: jsonSchemaDialect,
  $id: schemaIdOf('OpportunityRestored', 1),
  title: 'OpportunityRestored',
  description: 'An archived deal is back, exactly as it was archived (same stage, amount and owner), and counts again.',
  type: 'object',
  additionalProperties: false,
  required: ['opportunityId', 'stage', 'restoredAt'],
  properties: {
    opportunityId: textSchema,
    stage: stageSchema,
    restoredAt: instantSchema,
  },
});
