/** Stages a deal moves through while it is still being worked. */
export const openStages = ['lead', 'qualified', 'proposal', 'negotiation'] as const;
export type OpenStage = (typeof openStages)[number];

export const closedStages = ['won', 'lost'] as const;
export type ClosedStage = (typeof closedStages)[number];

export type Stage = OpenStage | ClosedStage;
export const stages: readonly Stage[] = [...openStages, ...closedStages];

export const activityKinds = ['call', 'email', 'meeting', 'note'] as const;
export type ActivityKind = (typeof activityKinds)[number];

/**
 * Largest amount a deal may carry: below it, two-decimal amounts survive JSON
 * Schema `multipleOf` checks in binary floating point (the v1 contracts).
 */
export const maxMoneyAmount = 999_999_999.99;

/** Major currency units (e.g. 1250.5 EUR) with at most two decimals; ISO 4217 code. */
export type Money = Readonly<{ amount: number; currency: string }>;

/** Calendar date, `YYYY-MM-DD`. */
export type CalendarDate = string;
/** Instant, ISO 8601 with offset, e.g. `2026-03-01T09:30:00.000Z`. */
export type Instant = string;

export const isOpenStage = (stage: Stage): stage is OpenStage => (openStages as readonly string[]).includes(stage);

/** Position of an open stage in the pipeline: lead = 0 … negotiation = 3. */
export const stageOrder = (stage: OpenStage): number => openStages.indexOf(stage);
