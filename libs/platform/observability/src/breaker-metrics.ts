import type { Gauge, Registry } from 'prom-client';
import { METRICS_PREFIX, gaugeIn } from './metrics-registry';

export type ObservedBreakerState = 'closed' | 'half-open' | 'open';

/** A circuit breaker read at scrape time. */
export type ObservedBreaker = Readonly<{ name: string; state: () => ObservedBreakerState }>;

/** The same encoding as the projections worker's series, so one alert rule reads both. */
export const breakerStateValues: Readonly<Record<ObservedBreakerState, number>> = { closed: 0, 'half-open': 1, open: 2 };

const perRegistry = new WeakMap<Registry, Set<ObservedBreaker>>();

/**
 * Exports `meridian_breaker_state{breaker}` for this breaker until the
 * returned function is called. One gauge per registry, shared by every
 * breaker of the app; a breaker's series stays at its last value after it is
 * let go (Prometheus marks it stale when the process ends).
 */
export const observeBreakerState = (registry: Registry, breaker: ObservedBreaker): (() => void) => {
  let breakers = perRegistry.get(registry);
  if (breakers === undefined) {
    const observed = new Set<ObservedBreaker>();
    breakers = observed;
    perRegistry.set(registry, observed);
    const gauge: Gauge<'breaker'> = gaugeIn(registry, {
      name: `${METRICS_PREFIX}breaker_state`,
      help: 'Circuit breaker state: 0 closed, 1 half-open, 2 open',
      labelNames: ['breaker'],
      collect: () => {
        for (const one of observed) gauge.set({ breaker: one.name }, breakerStateValues[one.state()]);
      },
    });
  }
  const entry = { ...breaker };
  breakers.add(entry);
  return () => void breakers.delete(entry);
};
