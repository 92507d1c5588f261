export type { EventSchema, JsonSchemaNode } from './event-contract.schema';
export { ceTypeOf, contractValidatorOptions, jsonSchemaDialect, opportunitiesTopic } from './event-contract.schema';
export type {
  ContractActivityKind,
  ContractCalendarDate,
  ContractClosedStage,
  ContractInstant,
  ContractMoney,
  ContractOpenStage,
} from './opportunity-contract.values';
export { contractActivityKinds, contractClosedStages, contractOpenStages } from './opportunity-contract.values';
export type {
  OpportunityLostV1,
  OpportunityOpenedV1,
  OpportunityReopenedV1,
  OpportunityStageChangedV1,
  OpportunityWonV1,
} from './opportunity-lifecycle.contracts';
export {
  opportunityLostSchemaV1,
  opportunityOpenedSchemaV1,
  opportunityReopenedSchemaV1,
  opportunityStageChangedSchemaV1,
  opportunityWonSchemaV1,
} from './opportunity-lifecycle.contracts';
export type {
  OpportunityAmountRevisedV1,
  OpportunityCloseDateRescheduledV1,
  OpportunityOwnerReassignedV1,
} from './opportunity-terms.contracts';
export {
  opportunityAmountRevisedSchemaV1,
  opportunityCloseDateRescheduledSchemaV1,
  opportunityOwnerReassignedSchemaV1,
} from './opportunity-terms.contracts';
export type { ActivityLoggedV1 } from './opportunity-activity.contracts';
export { activityLoggedSchemaV1 } from './opportunity-activity.contracts';
export type { OpportunityArchivedV1, OpportunityRestoredV1 } from './opportunity-archive.contracts';
export { opportunityArchivedSchemaV1, opportunityRestoredSchemaV1 } from './opportunity-archive.contracts';
export type { OpportunityContract, OpportunityContractEvent, OpportunityContractPayloads, OpportunityContractType } from './opportunity-contracts.registry';
export {
  isOpportunityContractType,
  opportunityContractEventOf,
  opportunityContractTypeOfCeType,
  opportunityContractTypes,
  opportunityContracts,
} from './opportunity-contracts.registry';
export { opportunitiesPublicCatalogue } from './opportunity-public-catalogue';
