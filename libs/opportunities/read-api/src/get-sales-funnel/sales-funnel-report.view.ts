import { ApiProperty } from '@nestjs/swagger';
import type { FunnelReport } from '@meridian/read-models/sales-funnel';
import { MoneyView } from '../shared/money.view';

const openStages = ['lead', 'qualified', 'proposal', 'negotiation'];

export class StageDwellView {
  @ApiProperty({ description: 'Completed stays in the stage' }) samples!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Seconds' }) averageSeconds!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Seconds; within 1% of the exact median' }) medianSeconds!: number | null;
}

export class FunnelStageView {
  @ApiProperty({ enum: openStages }) stage!: string;
  @ApiProperty({ description: 'Deals of the period now in this stage' }) count!: number;
  @ApiProperty({ type: [MoneyView], description: 'Their amounts, per currency' }) amounts!: MoneyView[];
  @ApiProperty({ description: 'Deals that reached this stage (a won deal passed every stage)' }) reached!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'reached(next) / reached(this), 4 decimals' }) conversionToNext!: number | null;
  @ApiProperty({ type: StageDwellView }) dwell!: StageDwellView;
}

export class FunnelOutcomeView {
  @ApiProperty() count!: number;
  @ApiProperty({ type: [MoneyView] }) amounts!: MoneyView[];
}

export class FunnelDropOffView {
  @ApiProperty({ enum: openStages }) fromStage!: string;
  @ApiProperty({ enum: [...openStages, 'won'] }) toStep!: string;
  @ApiProperty({ description: 'Deals that reached fromStage but not toStep' }) dropped!: number;
  @ApiProperty({ description: '1 − conversion, 4 decimals' }) rate!: number;
}

export class SalesFunnelView {
  @ApiProperty({ description: 'Deals opened in the period (and split, if any)' }) opportunities!: number;
  @ApiProperty({ type: [FunnelStageView] }) stages!: FunnelStageView[];
  @ApiProperty({ type: FunnelOutcomeView }) won!: FunnelOutcomeView;
  @ApiProperty({ type: FunnelOutcomeView }) lost!: FunnelOutcomeView;
  @ApiProperty({ type: FunnelDropOffView, nullable: true, description: 'The transition with the lowest conversion' }) biggestDropOff!: FunnelDropOffView | null;
}

const ratio = (value: number): number => Math.round(value * 10_000) / 10_000;
const seconds = (value: number | null): number | null => (value === null ? null : Math.round(value * 10) / 10);

/** Rates to 4 decimals and seconds to 0.1 for display; the counts and amounts are exact. */
export const toSalesFunnelView = (report: FunnelReport): SalesFunnelView => ({
  opportunities: report.opportunities,
  stages: report.stages.map((stage) => ({
    stage: stage.stage,
    count: stage.count,
    amounts: [...stage.amounts],
    reached: stage.reached,
    conversionToNext: stage.conversionToNext === null ? null : ratio(stage.conversionToNext),
    dwell: { samples: stage.dwell.samples, averageSeconds: seconds(stage.dwell.averageSeconds), medianSeconds: seconds(stage.dwell.medianSeconds) },
  })),
  won: { count: report.won.count, amounts: [...report.won.amounts] },
  lost: { count: report.lost.count, amounts: [...report.lost.amounts] },
  biggestDropOff: report.biggestDropOff === null ? null : { ...report.biggestDropOff, rate: ratio(report.biggestDropOff.rate) },
});
