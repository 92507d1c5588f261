export { orderValueSegments, orderValueSegmentsActor, orderValueSegmentsName } from './order-value-segments.process-manager';
export { segmentPolicyOf } from './segment-policy.lookup';
export { customersProcessManagerCatalogues, customersProcessManagers } from './customers-process-managers';
export type { SegmentSweepRequest, SegmentSweepResult } from './reevaluate-value-segments';
export { reevaluateValueSegments } from './reevaluate-value-segments';
