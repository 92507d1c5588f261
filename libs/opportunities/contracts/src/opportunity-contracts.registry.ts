import type { ContractEvent } from '@meridian/platform/contracts';
import { contractEventOf, contractTypeOfCeType, hasContract } from '@meridian/platform/contracts';
import type { EventSchema } from './event-contract.schema';
import { ceTypeOf } from './event-contract.schema';
import type { ActivityLoggedV1 } from './opportunity-activity.contracts';
import type { OpportunityArchivedV1, OpportunityRestoredV1 } from './opportunity-archive.contracts';
import { opportunityArchivedSchemaV1, opportunityRestoredSchemaV1 } from './opportunity-archive.contracts';
import { activityLoggedSchemaV1 } from './opportunity-activity.contracts';
import type {
  OpportunityLostV1,
  OpportunityOpenedV1,
  OpportunityReopenedV1,
  OpportunityStageChangedV1,
  OpportunityWonV1,
} from './opportunity-lifecycle.contracts';
import {
  opportunityLostSchemaV1,
  opportunityOpenedSchemaV1,
  opportunityReopenedSchemaV1,
  opportunityStageChangedSchemaV1,
  opportunityWonSchemaV1,
} from './opportunity-lifecycle.contracts';
import type {
  OpportunityAmountRevisedV1,
  OpportunityCloseDateRescheduledV1,
  OpportunityOwnerReassignedV1,
} from './opportunity-terms.contracts';
import {
  opportunityAmountRevisedSchemaV1,
  opportunityCloseDateRescheduledSchemaV1,
  opportunityOwnerReassignedSchemaV1,
} from './opportunity-terms.contracts';

/** The current public payload of each event type published on `crm.opportunities`. */
export type OpportunityContractPayloads = {
  OpportunityOpened: OpportunityOpenedV1;
  OpportunityStageChanged: OpportunityStageChangedV1;
  OpportunityWon: OpportunityWonV1;
  OpportunityLost: OpportunityLostV1;
  OpportunityAmountRevised: OpportunityAmountRevisedV1;
  OpportunityCloseDateRescheduled: OpportunityCloseDateRescheduledV1;
  OpportunityOwnerReassigned: OpportunityOwnerReassignedV1;
  ActivityLogged: ActivityLoggedV1;
  OpportunityReopened: OpportunityReopenedV1;
  OpportunityArchived: OpportunityArchivedV1;
  OpportunityRestored: OpportunityRestoredV1;
};

export type OpportunityContractType = keyof OpportunityContractPayloads;

/** One contract version; with no type argument, any one of them (a union, not a blend). */
export type OpportunityContract<TType extends OpportunityContractType = OpportunityContractType> = TType extends unknown
  ? Readonly<{
      version: 1;
      ceType: ReturnType<typeof ceTypeOf<TType, 1>>;
      schema: EventSchema<OpportunityContractPayloads[TType]>;
    }>
  : never;

const v1 = <TType extends OpportunityContractType, const TSchema extends EventSchema<OpportunityContractPayloads[TType]>>(
  type: TType,
  schema: TSchema,
) => ({ version: 1, ceType: ceTypeOf(type, 1), schema }) as const;

/**
 * One entry per event type. A published version is immutable: an incompatible
 * change becomes a new version with its own `ce_type`, published alongside the old one
 * until its consumers have moved.
 */
export const opportunityContracts = {
  OpportunityOpened: v1('OpportunityOpened', opportunityOpenedSchemaV1),
  OpportunityStageChanged: v1('OpportunityStageChanged', opportunityStageChangedSchemaV1),
  OpportunityWon: v1('OpportunityWon', opportunityWonSchemaV1),
  OpportunityLost: v1('OpportunityLost', opportunityLostSchemaV1),
  OpportunityAmountRevised: v1('OpportunityAmountRevised', opportunityAmountRevisedSchemaV1),
  OpportunityCloseDateRescheduled: v1('OpportunityCloseDateRescheduled', opportunityCloseDateRescheduledSchemaV1),
  OpportunityOwnerReassigned: v1('OpportunityOwnerReassigned', opportunityOwnerReassignedSchemaV1),
  ActivityLogged: v1('ActivityLogged', activityLoggedSchemaV1),
  OpportunityReopened: v1('OpportunityReopened', opportunityReopenedSchemaV1),
  OpportunityArchived: v1('OpportunityArchived', opportunityArchivedSchemaV1),
  OpportunityRestored: v1('OpportunityRestored', opportunityRestoredSchemaV1),
} as const satisfies { readonly [TType in OpportunityContractType]: OpportunityContract<TType> };

export const opportunityContractTypes = Object.keys(opportunityContracts) as readonly OpportunityContractType[];

export const isOpportunityContractType = (type: string): type is OpportunityContractType => hasContract(opportunityContracts, type);

/** Resolves an incoming `ce_type` header; `undefined` for a type or version this library does not know. */
export const opportunityContractTypeOfCeType = (ceType: string): OpportunityContractType | undefined =>
  contractTypeOfCeType(opportunityContracts, ceType);

/** A received public event narrowed to its contract: `type` tells which payload it carries. */
export type OpportunityContractEvent = ContractEvent<OpportunityContractPayloads>;

/** Types a received payload by its `ce_type`; `undefined` for a type or version this library does not know. */
export const opportunityContractEventOf = (ceType: string, payload: unknown): OpportunityContractEvent | undefined =>
  contractEventOf<OpportunityContractPayloads>(opportunityContracts, ceType, payload);
