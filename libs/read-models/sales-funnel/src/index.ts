export type {
  FunnelBucket,
  FunnelDimension,
  FunnelDropOff,
  FunnelEntry,
  FunnelOutcomeFigures,
  FunnelReport,
  FunnelStageFigures,
  FunnelStep,
  MoneyTotal,
  StageDwell,
  StageDwellFigures,
} from './sales-funnel.model';
export { funnelDimensions, funnelSteps, salesFunnelReadModel } from './sales-funnel.model';
export { UnknownFunnelEvent, UnreadableFunnelInstant, cohortMonthOf, evolveFunnelEntry } from './sales-funnel.entry';
export { dwellBucketKeyOf, medianOfHistogram } from './dwell-histogram';
export { contributionOf, funnelBucketsOf, funnelCounterIdOf, salesFunnelCounterDeltas } from './sales-funnel.counters';
export { funnelReportOf } from './sales-funnel.report';
export type { SalesFunnelProjection } from './sales-funnel.projection';
export { salesFunnelProjection } from './sales-funnel.projection';
export type { FunnelSplit, SalesFunnelQuery } from './sales-funnel.queries';
export { ensureSalesFunnelIndexes, salesFunnelReport } from './sales-funnel.queries';
export { salesFunnelDefinition } from './sales-funnel.runtime';
