export { METRICS_PREFIX, createMetricsRegistry } from './metrics-registry';
export type { HttpMetricsHooks, MetricsReply, MetricsRequest } from './http-metrics';
export { UNMATCHED_ROUTE, httpDurationBuckets, httpMetricsHooks, routeLabel } from './http-metrics';
export type { AppendOutcome } from './instrument-event-store';
export { appendDurationBuckets, instrumentEventStore } from './instrument-event-store';
export { METRICS_REGISTRY } from './metrics.tokens';
export { MetricsModule } from './metrics.module';
export { MetricsController } from './metrics.controller';
