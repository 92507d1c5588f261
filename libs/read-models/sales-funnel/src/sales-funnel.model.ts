import type { ContractMoney, ContractOpenStage } from '@meridian/opportunities/contracts';

export const salesFunnelReadModel = 'sales-funnel';

/** The steps of the funnel, in order: the open stages, then won. */
export const funnelSteps = ['lead', 'qualified', 'proposal', 'negotiation', 'won'] as const;
export type FunnelStep = (typeof funnelSteps)[number];

/** The rollups kept per tenant and cohort month: everything, or split by one attribute. */
export const funnelDimensions = ['all', 'owner', 'region', 'productLine', 'sourceChannel'] as const;
export type FunnelDimension = (typeof funnelDimensions)[number];

/** A completed stay in an open stage. */
export type StageDwell = Readonly<{ stage: ContractOpenStage; seconds: number }>;

/**
 * What the funnel remembers of one opportunity: enough to compute its whole
 * contribution to the counters, so any event's effect is "contribution after
 * minus contribution before", whichever buckets those fall in.
 */
export type FunnelEntry = Readonly<{
  tenantId: string;
  opportunityId: string;
  /** `YYYY-MM` (UTC) of `openedAt`: the cohort the deal is counted in. */
  cohortMonth: string;
  ownerId: string;
  region: string;
  productLine: string;
  sourceChannel: string;
  stage: ContractOpenStage | 'won' | 'lost';
  /** When the current stage was entered (business time from the events). */
  stageEnteredAt: string;
  /** The furthest open stage the deal was ever in. */
  furthestOpenStage: ContractOpenStage;
  /** Current amount; the final amount once won. */
  amount: ContractMoney;
  dwells: readonly StageDwell[];
  /** An archived deal counts nowhere (no stage, reach, dwell or cohort) until it is restored; the entry keeps it whole meanwhile. */
  archived: boolean;
  streamRevision: number;
  lastPosition: number;
}>;

/** Keys of one counter bucket; `value` is '' for the `all` dimension. */
export type FunnelBucket = Readonly<{ tenantId: string; cohortMonth: string; dimension: FunnelDimension; value: string }>;

export type MoneyTotal = Readonly<{ currency: string; amount: number }>;

export type StageDwellFigures = Readonly<{
  /** Completed stays counted. */
  samples: number;
  averageSeconds: number | null;
  /** Within 1% of the exact median; exact when the samples around it are equal. */
  medianSeconds: number | null;
}>;

export type FunnelStageFigures = Readonly<{
  stage: ContractOpenStage;
  /** Deals of the cohort in this stage now, and their amounts per currency. */
  count: number;
  amounts: readonly MoneyTotal[];
  /** Deals that reached this stage (a won deal has passed every stage). */
  reached: number;
  /** reached(next step) / reached(this stage); null when none reached this stage. */
  conversionToNext: number | null;
  dwell: StageDwellFigures;
}>;

export type FunnelOutcomeFigures = Readonly<{ count: number; amounts: readonly MoneyTotal[] }>;

export type FunnelDropOff = Readonly<{ fromStage: ContractOpenStage; toStep: FunnelStep; dropped: number; rate: number }>;

export type FunnelReport = Readonly<{
  opportunities: number;
  stages: readonly FunnelStageFigures[];
  won: FunnelOutcomeFigures;
  lost: FunnelOutcomeFigures;
  /** The transition with the lowest conversion (ties: the earlier one); null with no deals. */
  biggestDropOff: FunnelDropOff | null;
}>;
