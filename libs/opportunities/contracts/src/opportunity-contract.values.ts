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

/** Major currency units with at most two decimals (e.g. 1250.5) and an ISO 4217 code. */
export type ContractMoney = Readonly<{ amount: number; currency: string }>;
/** `YYYY-MM-DD` (JSON Schema format `date`). */
export type ContractCalendarDate = string;
/** RFC 3339 date-time with offset (JSON Schema format `date-time`). */
export type ContractInstant = string;

export const moneySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['amount', 'currency'],
  properties: {
    // The cap keeps `multipleOf` exact under contractValidatorOptions (see event-contract.schema.ts).
    amount: { type: 'number', minimum: 0, maximum: 999999999.99, multipleOf: 0.01 },
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
  },
} as const;

export const calendarDateSchema = { type: 'string', format: 'date' } as const;
export const instantSchema = { type: 'string', format: 'date-time' } as const;
export const textSchema = { type: 'string' } as const;
export const openStageSchema = { type: 'string', enum: contractOpenStages } as const;
export const closedStageSchema = { type: 'string', enum: contractClosedStages } as const;
export const activityKindSchema = { type: 'string', enum: contractActivityKinds } as const;
