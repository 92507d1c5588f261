import type { CounterConfiguration, GaugeConfiguration, HistogramConfiguration } from 'prom-client';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Our own series carry this prefix; Node/process defaults keep their standard names so stock dashboards work. */
export const METRICS_PREFIX = 'meridian_';

/**
 * prom-client names three gauges `…_total`, which Prometheus reserves for
 * counters (`promtool check metrics` rejects them). They are dropped: the
 * same figures remain as `nodejs_active_handles`, `nodejs_active_requests`
 * and `nodejs_active_resources` (by type; `sum()` gives the totals).
 */
const misnamedGauges = ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total'] as const;

/**
 * One registry per app, never prom-client's global default: two apps in one
 * test process then count separately and registering the same name twice
 * cannot collide across them.
 */
export const createMetricsRegistry = (): Registry => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  for (const name of misnamedGauges) registry.removeSingleMetric(name);
  return registry;
};

/*
 * get-or-create: instrumenting a second store or Fastify instance with the
 * same registry reuses the series instead of throwing "already registered".
 */
export const counterIn = <L extends string>(registry: Registry, config: CounterConfiguration<L>): Counter<L> =>
  (registry.getSingleMetric(config.name) as Counter<L> | undefined) ?? new Counter({ ...config, registers: [registry] });

export const gaugeIn = <L extends string>(registry: Registry, config: GaugeConfiguration<L>): Gauge<L> =>
  (registry.getSingleMetric(config.name) as Gauge<L> | undefined) ?? new Gauge({ ...config, registers: [registry] });

export const histogramIn = <L extends string>(registry: Registry, config: HistogramConfiguration<L>): Histogram<L> =>
  (registry.getSingleMetric(config.name) as Histogram<L> | undefined) ?? new Histogram({ ...config, registers: [registry] });
