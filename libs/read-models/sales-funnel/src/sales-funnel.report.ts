import type { CounterFigures } from '@meridian/platform/projections';
import type { ContractOpenStage } from '@meridian/opportunities/contracts';
import { contractOpenStages } from '@meridian/opportunities/contracts';
import { medianOfHistogram } from './dwell-histogram';
import type {
  FunnelDropOff,
  FunnelOutcomeFigures,
  FunnelReport,
  FunnelStageFigures,
  FunnelStep,
  MoneyTotal,
  StageDwellFigures,
} from './sales-funnel.model';
import { funnelSteps } from './sales-funnel.model';

const figureOf = (figures: CounterFigures, field: string): number => figures[field] ?? 0;

/** The fields under `prefix.`, keyed by the rest of their path. */
const fieldsUnder = (figures: CounterFigures, prefix: string): Record<string, number> => {
  const fields: Record<string, number> = {};
  for (const [field, value] of Object.entries(figures)) {
    if (field.startsWith(`${prefix}.`)) fields[field.slice(prefix.length + 1)] = value;
  }
  return fields;
};

/**
 * Minor units back to major units, per currency in code order. A currency at 0
 * is left out: once its deals have moved on, the counter keeps the field at 0.
 */
const amountsUnder = (figures: CounterFigures, prefix: string): MoneyTotal[] =>
  Object.entries(fieldsUnder(figures, prefix))
    .filter(([, minor]) => minor !== 0)
    .map(([currency, minor]) => ({ currency, amount: Math.round(minor) / 100 }))
    .sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));

const outcomeOf = (figures: CounterFigures, outcome: 'won' | 'lost'): FunnelOutcomeFigures => ({
  count: figureOf(figures, `${outcome}.count`),
  amounts: amountsUnder(figures, `${outcome}.amount`),
});

const dwellOf = (figures: CounterFigures, stage: ContractOpenStage): StageDwellFigures => {
  const samples = figureOf(figures, `dwell.${stage}.count`);
  return {
    samples,
    averageSeconds: samples > 0 ? figureOf(figures, `dwell.${stage}.seconds`) / samples : null,
    medianSeconds: medianOfHistogram(fieldsUnder(figures, `dwell.${stage}.hist`), fieldsUnder(figures, `dwell.${stage}.histSeconds`)),
  };
};

/** The step after an open stage: the next open stage, or won after negotiation. */
const nextStepOf = (stage: ContractOpenStage): FunnelStep => funnelSteps[funnelSteps.indexOf(stage) + 1] ?? 'won';

const reachedOf = (figures: CounterFigures, step: FunnelStep): number => figureOf(figures, `reached.${step}`);

const stageOf = (figures: CounterFigures, stage: ContractOpenStage): FunnelStageFigures => {
  const reached = reachedOf(figures, stage);
  return {
    stage,
    count: figureOf(figures, `open.${stage}.count`),
    amounts: amountsUnder(figures, `open.${stage}.amount`),
    reached,
    conversionToNext: reached > 0 ? reachedOf(figures, nextStepOf(stage)) / reached : null,
    dwell: dwellOf(figures, stage),
  };
};

/** The lowest conversion among transitions some deal reached the start of; the earliest wins a tie. */
const biggestDropOffOf = (figures: CounterFigures): FunnelDropOff | null => {
  let biggest: FunnelDropOff | null = null;
  for (const fromStage of contractOpenStages) {
    const reached = reachedOf(figures, fromStage);
    if (reached <= 0) continue;
    const toStep = nextStepOf(fromStage);
    const dropped = reached - reachedOf(figures, toStep);
    // dropped / reached is 1 − conversion without the subtraction's rounding.
    const rate = dropped / reached;
    if (biggest === null || rate > biggest.rate) biggest = { fromStage, toStep, dropped, rate };
  }
  return biggest;
};

/**
 * The funnel of one bucket (or several summed with `sumCounterFigures`).
 * Ratios are exact; rounding them for display is the API's job.
 */
export const funnelReportOf = (figures: CounterFigures): FunnelReport => ({
  opportunities: figureOf(figures, 'opportunities'),
  stages: contractOpenStages.map((stage) => stageOf(figures, stage)),
  won: outcomeOf(figures, 'won'),
  lost: outcomeOf(figures, 'lost'),
  biggestDropOff: biggestDropOffOf(figures),
});
