/**
 * Value types of the public opportunity events, v1. They repeat the domain's
 * value types on purpose: contracts never import the domain, and the domain's
 * conformance spec proves the two stay structurally identical.
 */
export const contractOpenStages = ['lead', 'qualified', 'proposal', 'negotiation'] as const;
export type ContractOpenStage = (typeof contractOpenStages)[number];

export const contractClosedStages = ['won', 'lost'] as const;
export type ContractClosedStage = (typeof contractClosedStages)[number];

export const contractActivityKinds = ['call', 'email', 'meeting', 'note'] as const;
export type ContractActivityKind = (typeof contractActivityKinds)[number];

export type { ContractCalendarDate, ContractInstant, ContractMoney } from '@meridian/platform/contracts';
export { calendarDateSchema, instantSchema, moneySchema, textSchema } from '@meridian/platform/contracts';

export const openStageSchema = { type: 'string', enum: contractOpenStages } as const;
export const closedStageSchema = { type: 'string', enum: contractClosedStages } as const;
export const activityKindSchema = { type: 'string', enum: contractActivityKinds } as const;
