import { createMetricsRegistry } from '@meridian/platform/observability';
import type { BreakerState, ProjectionCounts } from '@meridian/platform/projections';
import type { Registry } from 'prom-client';
import type { ObservedProjection } from './projections-metrics';
import { projectionLagSeconds, registerProjectionsMetrics } from './projections-metrics';

const valueOf = async (registry: Registry, name: string, labels: Record<string, string> = {}): Promise<number | undefined> => {
  for (const metric of await registry.getMetricsAsJSON()) {
    if (metric.name !== name) continue;
    const values = metric.values as ReadonlyArray<{ labels: Record<string, string | number>; value: number }>;
    return values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l))?.value;
  }
  return undefined;
};

/** A live projection at the port, its figures set by the test. */
class FakeProjection implements ObservedProjection {
  counts_: ProjectionCounts = { applied: 0, 'already-applied': 0, ignored: 0, 'dead-lettered': 0, storeFailures: 0 };
  lastAt: number | undefined;
  paused = 0;
  gen = 1;
  constructor(readonly readModel: string) {}
  generation = () => this.gen;
  counts = () => this.counts_;
  lastEventAt = () => this.lastAt;
  pausedPartitions = () => this.paused;
}

const given = () => {
  const registry = createMetricsRegistry();
  const funnel = new FakeProjection('sales-funnel');
  const lags = new Map<string, number>();
  let breaker: BreakerState = 'closed';
  const now = Date.parse('2026-03-01T10:00:00.000Z');
  registerProjectionsMetrics(registry, {
    projections: () => [funnel], breakers: [{ name: 'read-store', state: () => breaker }], lagMessages: (name) => lags.get(name), now: () => now,
  });
  return { registry, funnel, lags, now, breakerIs: (state: BreakerState) => (breaker = state) };
};

describe('projections metrics', () => {
  it('exports every outcome from 0, then counts what the consumer tallied', async () => {
    const { registry, funnel } = given();
    expect(await valueOf(registry, 'meridian_projection_messages_total', { read_model: 'sales-funnel', outcome: 'dead-lettered' })).toBe(0);
    funnel.counts_ = { applied: 5, 'already-applied': 2, ignored: 1, 'dead-lettered': 1, storeFailures: 3 };
    expect(await valueOf(registry, 'meridian_projection_messages_total', { read_model: 'sales-funnel', outcome: 'applied' })).toBe(5);
    expect(await valueOf(registry, 'meridian_projection_messages_total', { read_model: 'sales-funnel', outcome: 'already-applied' })).toBe(2);
    expect(await valueOf(registry, 'meridian_projection_store_failures_total', { read_model: 'sales-funnel' })).toBe(3);
  });

  it('never counts the same messages twice across scrapes', async () => {
    const { registry, funnel } = given();
    funnel.counts_ = { ...funnel.counts_, applied: 4 };
    await registry.metrics();
    await registry.metrics();
    funnel.counts_ = { ...funnel.counts_, applied: 6 };
    expect(await valueOf(registry, 'meridian_projection_messages_total', { read_model: 'sales-funnel', outcome: 'applied' })).toBe(6);
  });

  it('reports lag in messages and seconds since the last handled event while behind, and 0 when caught up', async () => {
    const { registry, funnel, lags, now } = given();
    funnel.lastAt = now - 42_000;
    lags.set('sales-funnel', 7);
    expect(await valueOf(registry, 'meridian_projection_consumer_lag_messages', { read_model: 'sales-funnel' })).toBe(7);
    expect(await valueOf(registry, 'meridian_projection_lag_seconds', { read_model: 'sales-funnel' })).toBe(42);
    lags.set('sales-funnel', 0);
    expect(await valueOf(registry, 'meridian_projection_lag_seconds', { read_model: 'sales-funnel' })).toBe(0);
  });

  it('maps breaker states to 0, 1 and 2 and reports paused partitions and the generation', async () => {
    const { registry, funnel, breakerIs } = given();
    expect(await valueOf(registry, 'meridian_breaker_state', { breaker: 'read-store' })).toBe(0);
    breakerIs('half-open');
    expect(await valueOf(registry, 'meridian_breaker_state', { breaker: 'read-store' })).toBe(1);
    breakerIs('open');
    funnel.paused = 3;
    funnel.gen = 2;
    expect(await valueOf(registry, 'meridian_breaker_state', { breaker: 'read-store' })).toBe(2);
    expect(await valueOf(registry, 'meridian_projection_paused_partitions', { read_model: 'sales-funnel' })).toBe(3);
    expect(await valueOf(registry, 'meridian_projection_active_generation', { read_model: 'sales-funnel' })).toBe(2);
  });

  it('measures lag seconds only when there is lag and an event to measure from', () => {
    expect(projectionLagSeconds(undefined, 0, 10_000)).toBe(0);
    expect(projectionLagSeconds(3, undefined, 10_000)).toBe(0);
    expect(projectionLagSeconds(3, 4_000, 10_000)).toBe(6);
    expect(projectionLagSeconds(3, 12_000, 10_000)).toBe(0);
  });
});
