import type { Registry } from 'prom-client';
import { observeBreakerState } from './breaker-metrics';
import type { ObservedBreakerState } from './breaker-metrics';
import { createMetricsRegistry } from './metrics-registry';
import { processManagerMetrics } from './process-manager-metrics';

type Series = Readonly<{ labels: Partial<Record<string, string | number>>; value: number }>;

/** Every series of a metric as a scrape would read it (collect callbacks run). */
const series = async (registry: Registry, name: string): Promise<Series[]> => {
  const metric = registry.getSingleMetric(name);
  if (metric === undefined) throw new Error(`${name} is not registered`);
  return (await metric.get()).values.map(({ labels, value }) => ({ labels, value }));
};
const valueOf = async (registry: Registry, name: string, labels: Record<string, string>): Promise<number | undefined> =>
  (await series(registry, name)).find((s) => Object.entries(labels).every(([key, value]) => s.labels[key] === value))?.value;

/** A fake consumer at the port the metrics read: tallies a test moves by hand. */
const fakeConsumer = (processManager: string) => {
  const state = { deadLetters: 0, lag: undefined as number | undefined };
  return { state, consumer: { processManager, deadLetters: () => state.deadLetters, lagMessages: () => state.lag } };
};

const reactions = 'meridian_process_manager_reactions_total';
const deadLetters = 'meridian_process_manager_dead_letters_total';
const lag = 'meridian_process_manager_consumer_lag_messages';

describe('process-manager metrics', () => {
  let registry: Registry;
  beforeEach(() => {
    registry = createMetricsRegistry();
  });

  it('exports every outcome of a declared manager at 0, labelled by its name only', async () => {
    processManagerMetrics(registry).declare('won-opportunity-drafts');

    const all = await series(registry, reactions);
    expect(all.map((s) => s.labels.outcome).sort()).toEqual(['applied', 'duplicate', 'failed', 'refused', 'skipped']);
    expect(all.every((s) => s.value === 0 && Object.keys(s.labels).sort().join() === 'outcome,process_manager')).toBe(true);
  });

  it('counts reactions per manager and outcome; a second call on the same registry shares the series', async () => {
    const metrics = processManagerMetrics(registry);
    metrics.declare('a');
    metrics.reaction('a', 'applied');
    metrics.reaction('a', 'applied');
    processManagerMetrics(registry).reaction('b', 'refused');

    expect(processManagerMetrics(registry)).toBe(metrics);
    expect(await valueOf(registry, reactions, { process_manager: 'a', outcome: 'applied' })).toBe(2);
    expect(await valueOf(registry, reactions, { process_manager: 'a', outcome: 'refused' })).toBe(0);
    expect(await valueOf(registry, reactions, { process_manager: 'b', outcome: 'refused' })).toBe(1);
  });

  it('follows a consumer\'s dead-letter tally as a counter, and its lag once measured', async () => {
    const metrics = processManagerMetrics(registry);
    const fake = fakeConsumer('a');
    metrics.follow(fake.consumer);

    expect(await valueOf(registry, deadLetters, { process_manager: 'a' })).toBe(0);
    expect(await valueOf(registry, lag, { process_manager: 'a' })).toBeUndefined();

    fake.state.deadLetters = 2;
    fake.state.lag = 17;
    expect(await valueOf(registry, deadLetters, { process_manager: 'a' })).toBe(2);
    expect(await valueOf(registry, lag, { process_manager: 'a' })).toBe(17);
    // A second scrape with no new dead letter adds nothing.
    expect(await valueOf(registry, deadLetters, { process_manager: 'a' })).toBe(2);
  });

  it('keeps counting across a consumer restart (a new tally from 0) and counts the final tally of a stopped one', async () => {
    const metrics = processManagerMetrics(registry);
    const first = fakeConsumer('a');
    const unfollow = metrics.follow(first.consumer);
    first.state.deadLetters = 3;
    expect(await valueOf(registry, deadLetters, { process_manager: 'a' })).toBe(3);
    first.state.deadLetters = 4;
    unfollow();

    const second = fakeConsumer('a');
    metrics.follow(second.consumer);
    second.state.deadLetters = 1;
    expect(await valueOf(registry, deadLetters, { process_manager: 'a' })).toBe(5);
  });

  it('exports a breaker\'s state as 0 closed, 1 half-open, 2 open, until let go', async () => {
    let state: ObservedBreakerState = 'closed';
    const stop = observeBreakerState(registry, { name: 'process-manager-state', state: () => state });
    observeBreakerState(registry, { name: 'other', state: () => 'open' });
    const read = () => valueOf(registry, 'meridian_breaker_state', { breaker: 'process-manager-state' });

    expect(await read()).toBe(0);
    state = 'half-open';
    expect(await read()).toBe(1);
    state = 'open';
    expect(await read()).toBe(2);
    expect(await valueOf(registry, 'meridian_breaker_state', { breaker: 'other' })).toBe(2);

    stop();
    state = 'closed';
    expect(await read()).toBe(2);
  });
});
