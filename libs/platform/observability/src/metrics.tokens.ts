/** Injection token of the app's prom-client Registry (one per app, see createMetricsRegistry). */
export const METRICS_REGISTRY = Symbol('MetricsRegistry');
