import { MemoryEventStore } from '@meridian/platform/eventsourcing';
import { MemoryCheckpointStore } from '@meridian/platform/eventstore';
import { createEventRouter } from '@meridian/platform/kafka';
import { createMetricsRegistry } from '@meridian/platform/observability';
import type { Registry } from 'prom-client';
import { relayCatalogues } from './relay-catalogues';
import { Relay } from './relay';
import { measureRelayLag, registerRelayMetrics } from './relay-metrics';
import { dealHistory } from './testing/relay.fixtures';

/** The value of one series after a full collect (as a scrape does it); 0 when it does not exist. */
const valueOf = async (registry: Registry, name: string, labels: Record<string, string> = {}): Promise<number> => {
  const all = await registry.getMetricsAsJSON();
  for (const metric of all) {
    for (const v of metric.values as ReadonlyArray<{ metricName?: string; labels: Record<string, string | number>; value: number }>) {
      const sample = v.metricName ?? metric.name;
      if (sample === name && Object.entries(labels).every(([k, l]) => v.labels[k] === l)) return v.value;
    }
  }
  return 0;
};

const given = () => {
  const store = new MemoryEventStore();
  const registry = createMetricsRegistry();
  let now = Date.now();
  const observer = registerRelayMetrics(registry, { store, checkpoint: (): number | undefined => relay.checkpoint(), now: () => now });
  const relay: Relay = new Relay({
    store, checkpoints: new MemoryCheckpointStore(), publisher: { publish: async () => undefined },
    router: createEventRouter({ catalogues: relayCatalogues }), log: () => undefined,
    checkpointName: 'relay', batchSize: 100, pollIntervalMs: 5, observer,
  });
  return { store, registry, relay, later: (ms: number) => (now = Date.now() + ms) };
};

describe('relay metrics', () => {
  it('counts published events by topic and dead letters by reason, and times the batch', async () => {
    const { store, registry, relay } = given();
    const [open, change] = dealHistory('a', 1);
    await store.appendToStream('opportunity-a', [open, { ...change, data: { opportunityId: 'a' } }], 'no_stream');
    await relay.relayOnce();
    expect(await valueOf(registry, 'meridian_relay_events_published_total', { topic: 'crm.opportunities' })).toBe(1);
    expect(await valueOf(registry, 'meridian_relay_events_dead_lettered_total', { reason: 'schema-violation' })).toBe(1);
    expect(await valueOf(registry, 'meridian_relay_batch_duration_seconds_count')).toBe(1);
    expect(await valueOf(registry, 'meridian_relay_checkpoint_position')).toBe(2);
  });

  it('reports the lag in events and the age of the oldest unpublished event, and 0 once caught up', async () => {
    const { store, registry, relay, later } = given();
    await store.appendToStream('opportunity-b', dealHistory('b', 1), 'no_stream');
    await relay.relayOnce();
    expect(await valueOf(registry, 'meridian_relay_lag_events')).toBe(0);
    await store.appendToStream('opportunity-c', dealHistory('c', 2), 'no_stream');
    later(30_000);
    expect(await valueOf(registry, 'meridian_relay_lag_events')).toBe(3);
    expect(await valueOf(registry, 'meridian_relay_lag_seconds')).toBeGreaterThanOrEqual(29.9);
    expect(await valueOf(registry, 'meridian_relay_lag_seconds')).toBeLessThan(31);
    await relay.relayOnce();
    expect(await valueOf(registry, 'meridian_relay_lag_events')).toBe(0);
    expect(await valueOf(registry, 'meridian_relay_lag_seconds')).toBe(0);
    expect(await valueOf(registry, 'meridian_relay_checkpoint_position')).toBe(5);
  });

  it('counts a batch once, even when its send failed first and was retried', async () => {
    const store = new MemoryEventStore();
    const registry = createMetricsRegistry();
    let failures = 1;
    const relay: Relay = new Relay({
      store, checkpoints: new MemoryCheckpointStore(), router: createEventRouter({ catalogues: relayCatalogues }), log: () => undefined,
      publisher: { publish: async () => { if (failures-- > 0) throw new Error('broker unavailable'); } },
      checkpointName: 'relay', batchSize: 100, pollIntervalMs: 5, observer: registerRelayMetrics(registry, { store, checkpoint: (): number | undefined => relay.checkpoint() }),
    });
    await store.appendToStream('opportunity-d', dealHistory('d', 0), 'no_stream');
    await expect(relay.relayOnce()).rejects.toThrow('broker unavailable');
    await relay.relayOnce();
    expect(await valueOf(registry, 'meridian_relay_events_published_total', { topic: 'crm.opportunities' })).toBe(1);
  });

  it('measures nothing before the checkpoint is loaded, and keeps the last values when the store fails', async () => {
    const store = new MemoryEventStore();
    expect(await measureRelayLag({ store, checkpoint: () => undefined })).toBeUndefined();
    const registry = createMetricsRegistry();
    const failing = { readAll: store.readAll.bind(store), headPosition: () => Promise.reject(new Error('connection refused')) };
    registerRelayMetrics(registry, { store: failing, checkpoint: () => 0 });
    await expect(registry.metrics()).resolves.toContain('meridian_relay_lag_events 0');
  });
});
