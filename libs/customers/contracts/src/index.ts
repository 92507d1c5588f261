export { ceTypeOf, customersSource, customersTopic } from './customers-topic';
export type {
  ContractCompanySize,
  ContractConsentPurpose,
  ContractCustomerKind,
  ContractDuplicateReason,
  ContractIntentLevel,
  ContractInteractionKind,
  ContractValueSegment,
} from './customer-contract.values';
export {
  contractCompanySizes,
  contractConsentPurposes,
  contractCustomerKinds,
  contractDuplicateReasons,
  contractIntentLevels,
  contractInteractionKinds,
  contractValueSegments,
} from './customer-contract.values';
export type { CustomerOwnerChangedV1, CustomerProfileRevisedV1, CustomerRegisteredV1 } from './customer-profile.contracts';
export { customerOwnerChangedSchemaV1, customerProfileRevisedSchemaV1, customerRegisteredSchemaV1 } from './customer-profile.contracts';
export type {
  CustomerConsentRecordedV1,
  CustomerGroupsAssignedV1,
  CustomerIntentLevelSetV1,
  CustomerTaggedV1,
  CustomerUntaggedV1,
} from './customer-classification.contracts';
export {
  customerConsentRecordedSchemaV1,
  customerGroupsAssignedSchemaV1,
  customerIntentLevelSetSchemaV1,
  customerTaggedSchemaV1,
  customerUntaggedSchemaV1,
} from './customer-classification.contracts';
export type { ContactAddedV1, ContactRemovedV1, ContactRevisedV1, InteractionRecordedV1 } from './customer-contacts.contracts';
export { contactAddedSchemaV1, contactRemovedSchemaV1, contactRevisedSchemaV1, interactionRecordedSchemaV1 } from './customer-contacts.contracts';
export type { CustomerMergeRevertedV1, CustomerMergedIntoV1, CustomersMergedV1, CustomersUnmergedV1 } from './customer-merge.contracts';
export { customerMergeRevertedSchemaV1, customerMergedIntoSchemaV1, customersMergedSchemaV1, customersUnmergedSchemaV1 } from './customer-merge.contracts';
export type { CustomerOrderValueRecordedV1, CustomerValueSegmentChangedV1, SegmentPolicySetV1 } from './customer-value.contracts';
export { customerOrderValueRecordedSchemaV1, customerValueSegmentChangedSchemaV1, segmentPolicySetSchemaV1 } from './customer-value.contracts';
export type { CustomerArchivedV1, CustomerRestoredV1 } from './customer-archive.contracts';
export { customerArchivedSchemaV1, customerRestoredSchemaV1 } from './customer-archive.contracts';
export type { CustomerImportBatchProcessedV1, CustomerImportCompletedV1, CustomerImportStartedV1 } from './customer-import.contracts';
export { customerImportBatchProcessedSchemaV1, customerImportCompletedSchemaV1, customerImportStartedSchemaV1 } from './customer-import.contracts';
export type { CustomerContract, CustomerContractEvent, CustomerContractPayloads, CustomerContractType } from './customer-contracts.registry';
export {
  customerContractEventOf,
  customerContractTypeOfCeType,
  customerContractTypes,
  customerContracts,
  isCustomerContractType,
} from './customer-contracts.registry';
export { customersPublicCatalogue } from './customers-public-catalogue';
