import type { ContractEvent, EventSchema } from '@meridian/platform/contracts';
import { contractEventOf, contractTypeOfCeType, hasContract } from '@meridian/platform/contracts';
import type { CustomerArchivedV1, CustomerRestoredV1 } from './customer-archive.contracts';
import { customerArchivedSchemaV1, customerRestoredSchemaV1 } from './customer-archive.contracts';
import type { CustomerConsentRecordedV1, CustomerGroupsAssignedV1, CustomerIntentLevelSetV1, CustomerTaggedV1, CustomerUntaggedV1 } from './customer-classification.contracts';
import {
  customerConsentRecordedSchemaV1,
  customerGroupsAssignedSchemaV1,
  customerIntentLevelSetSchemaV1,
  customerTaggedSchemaV1,
  customerUntaggedSchemaV1,
} from './customer-classification.contracts';
import type { ContactAddedV1, ContactRemovedV1, ContactRevisedV1, InteractionRecordedV1 } from './customer-contacts.contracts';
import { contactAddedSchemaV1, contactRemovedSchemaV1, contactRevisedSchemaV1, interactionRecordedSchemaV1 } from './customer-contacts.contracts';
import type { CustomerImportBatchProcessedV1, CustomerImportCompletedV1, CustomerImportStartedV1 } from './customer-import.contracts';
import { customerImportBatchProcessedSchemaV1, customerImportCompletedSchemaV1, customerImportStartedSchemaV1 } from './customer-import.contracts';
import type { CustomerMergeRevertedV1, CustomerMergedIntoV1, CustomersMergedV1, CustomersUnmergedV1 } from './customer-merge.contracts';
import { customerMergeRevertedSchemaV1, customerMergedIntoSchemaV1, customersMergedSchemaV1, customersUnmergedSchemaV1 } from './customer-merge.contracts';
import type { CustomerOwnerChangedV1, CustomerProfileRevisedV1, CustomerRegisteredV1 } from './customer-profile.contracts';
import { customerOwnerChangedSchemaV1, customerProfileRevisedSchemaV1, customerRegisteredSchemaV1 } from './customer-profile.contracts';
import type { CustomerOrderValueRecordedV1, CustomerValueSegmentChangedV1, SegmentPolicySetV1 } from './customer-value.contracts';
import { customerOrderValueRecordedSchemaV1, customerValueSegmentChangedSchemaV1, segmentPolicySetSchemaV1 } from './customer-value.contracts';
import { ceTypeOf } from './customers-topic';

/** The current public payload of each event type published on `crm.customers` (customer, import and policy streams). */
export type CustomerContractPayloads = {
  CustomerRegistered: CustomerRegisteredV1;
  CustomerProfileRevised: CustomerProfileRevisedV1;
  ContactAdded: ContactAddedV1;
  ContactRevised: ContactRevisedV1;
  ContactRemoved: ContactRemovedV1;
  CustomerTagged: CustomerTaggedV1;
  CustomerUntagged: CustomerUntaggedV1;
  CustomerGroupsAssigned: CustomerGroupsAssignedV1;
  CustomerIntentLevelSet: CustomerIntentLevelSetV1;
  CustomerOwnerChanged: CustomerOwnerChangedV1;
  CustomerConsentRecorded: CustomerConsentRecordedV1;
  InteractionRecorded: InteractionRecordedV1;
  CustomersMerged: CustomersMergedV1;
  CustomerMergedInto: CustomerMergedIntoV1;
  CustomersUnmerged: CustomersUnmergedV1;
  CustomerMergeReverted: CustomerMergeRevertedV1;
  CustomerOrderValueRecorded: CustomerOrderValueRecordedV1;
  CustomerValueSegmentChanged: CustomerValueSegmentChangedV1;
  CustomerArchived: CustomerArchivedV1;
  CustomerRestored: CustomerRestoredV1;
  CustomerImportStarted: CustomerImportStartedV1;
  CustomerImportBatchProcessed: CustomerImportBatchProcessedV1;
  CustomerImportCompleted: CustomerImportCompletedV1;
  SegmentPolicySet: SegmentPolicySetV1;
};

export type CustomerContractType = keyof CustomerContractPayloads;

/** One contract version; with no type argument, any one of them (a union, not a blend). */
export type CustomerContract<TType extends CustomerContractType = CustomerContractType> = TType extends unknown
  ? Readonly<{
      version: 1;
      ceType: ReturnType<typeof ceTypeOf<TType, 1>>;
      schema: EventSchema<CustomerContractPayloads[TType]>;
    }>
  : never;

const v1 = <TType extends CustomerContractType, const TSchema extends EventSchema<CustomerContractPayloads[TType]>>(type: TType, schema: TSchema) =>
  ({ version: 1, ceType: ceTypeOf(type, 1), schema }) as const;

/**
 * One entry per event type. A published version is immutable: an incompatible
 * change becomes a new version with its own `ce_type`, published alongside the
 * old one until its consumers have moved.
 */
export const customerContracts = {
  CustomerRegistered: v1('CustomerRegistered', customerRegisteredSchemaV1),
  CustomerProfileRevised: v1('CustomerProfileRevised', customerProfileRevisedSchemaV1),
  ContactAdded: v1('ContactAdded', contactAddedSchemaV1),
  ContactRevised: v1('ContactRevised', contactRevisedSchemaV1),
  ContactRemoved: v1('ContactRemoved', contactRemovedSchemaV1),
  CustomerTagged: v1('CustomerTagged', customerTaggedSchemaV1),
  CustomerUntagged: v1('CustomerUntagged', customerUntaggedSchemaV1),
  CustomerGroupsAssigned: v1('CustomerGroupsAssigned', customerGroupsAssignedSchemaV1),
  CustomerIntentLevelSet: v1('CustomerIntentLevelSet', customerIntentLevelSetSchemaV1),
  CustomerOwnerChanged: v1('CustomerOwnerChanged', customerOwnerChangedSchemaV1),
  CustomerConsentRecorded: v1('CustomerConsentRecorded', customerConsentRecordedSchemaV1),
  InteractionRecorded: v1('InteractionRecorded', interactionRecordedSchemaV1),
  CustomersMerged: v1('CustomersMerged', customersMergedSchemaV1),
  CustomerMergedInto: v1('CustomerMergedInto', customerMergedIntoSchemaV1),
  CustomersUnmerged: v1('CustomersUnmerged', customersUnmergedSchemaV1),
  CustomerMergeReverted: v1('CustomerMergeReverted', customerMergeRevertedSchemaV1),
  CustomerOrderValueRecorded: v1('CustomerOrderValueRecorded', customerOrderValueRecordedSchemaV1),
  CustomerValueSegmentChanged: v1('CustomerValueSegmentChanged', customerValueSegmentChangedSchemaV1),
  CustomerArchived: v1('CustomerArchived', customerArchivedSchemaV1),
  CustomerRestored: v1('CustomerRestored', customerRestoredSchemaV1),
  CustomerImportStarted: v1('CustomerImportStarted', customerImportStartedSchemaV1),
  CustomerImportBatchProcessed: v1('CustomerImportBatchProcessed', customerImportBatchProcessedSchemaV1),
  CustomerImportCompleted: v1('CustomerImportCompleted', customerImportCompletedSchemaV1),
  SegmentPolicySet: v1('SegmentPolicySet', segmentPolicySetSchemaV1),
} as const satisfies { readonly [TType in CustomerContractType]: CustomerContract<TType> };

export const customerContractTypes = Object.keys(customerContracts) as readonly CustomerContractType[];

export const isCustomerContractType = (type: string): type is CustomerContractType => hasContract(customerContracts, type);

/** Resolves an incoming `ce_type` header; `undefined` for a type or version this library does not know. */
export const customerContractTypeOfCeType = (ceType: string): CustomerContractType | undefined =>
  contractTypeOfCeType<CustomerContractType>(customerContracts, ceType);

/** A received public event narrowed to its contract: `type` tells which payload it carries. */
export type CustomerContractEvent = ContractEvent<CustomerContractPayloads>;

/** Types a received payload by its `ce_type`; `undefined` for a type or version this library does not know. */
export const customerContractEventOf = (ceType: string, payload: unknown): CustomerContractEvent | undefined =>
  contractEventOf<CustomerContractPayloads>(customerContracts, ceType, payload);
