import type { AppendResult, EventStore, NewEvent, RecordedEvent } from '@meridian/platform/eventsourcing';
import { WrongExpectedRevision } from '@meridian/platform/eventsourcing';
import type { Registry } from 'prom-client';
import { instrumentEventStore } from './instrument-event-store';
import { createMetricsRegistry } from './metrics-registry';

/** A store at the port whose next append answers as scripted, and which records what reached it. */
class ScriptedStore implements EventStore {
  readonly calls: string[] = [];
  constructor(private readonly answer: () => Promise<AppendResult>) {}
  async readStream(streamId: string): Promise<readonly RecordedEvent[]> {
    this.calls.push(`readStream ${streamId}`);
    return [];
  }
  async appendToStream(streamId: string, events: readonly NewEvent[]): Promise<AppendResult> {
    this.calls.push(`append ${streamId} ${events.length}`);
    return this.answer();
  }
  async readAll(): Promise<readonly RecordedEvent[]> {
    this.calls.push('readAll');
    return [];
  }
  async headPosition(): Promise<number> {
    this.calls.push('headPosition');
    return 42;
  }
  async close(): Promise<void> {
    this.calls.push('close');
  }
}

const event = (n: number): NewEvent => ({ eventId: `00000000-0000-4000-8000-00000000000${n}`, type: 'Tested', data: {}, metadata: {} }) as unknown as NewEvent;
const result = (replayed: boolean): AppendResult => ({ nextExpectedRevision: 1, lastPosition: 2, replayed });

const value = async (registry: Registry, name: string, labels: Record<string, string> = {}): Promise<number> => {
  const metric = registry.getSingleMetric(name);
  if (!metric) throw new Error(`${name} is not registered`);
  const { values } = await metric.get();
  // Histograms report buckets, sum and count; counting observations is what these tests need.
  const sample = name.endsWith('_seconds') ? `${name}_count` : name;
  const match = values.find((v) => ((v as { metricName?: string }).metricName ?? name) === sample && Object.entries(labels).every(([k, l]) => v.labels[k] === l));
  return match?.value ?? 0;
};

describe('instrumentEventStore', () => {
  const given = (answer: () => Promise<AppendResult>) => {
    const registry = createMetricsRegistry();
    const inner = new ScriptedStore(answer);
    return { registry, inner, store: instrumentEventStore(inner, registry) };
  };

  it('counts an append and the events it stored', async () => {
    const { registry, store } = given(async () => result(false));
    await expect(store.appendToStream('opportunity-1', [event(1), event(2)], 'no_stream')).resolves.toEqual(result(false));
    expect(await value(registry, 'meridian_event_appends_total', { outcome: 'appended' })).toBe(1);
    expect(await value(registry, 'meridian_events_appended_total')).toBe(2);
    expect(await value(registry, 'meridian_event_append_duration_seconds')).toBe(1);
  });

  it('counts a replayed batch as replayed and no events as stored', async () => {
    const { registry, store } = given(async () => result(true));
    await store.appendToStream('opportunity-1', [event(1)], 0);
    expect(await value(registry, 'meridian_event_appends_total', { outcome: 'replayed' })).toBe(1);
    expect(await value(registry, 'meridian_event_appends_total', { outcome: 'appended' })).toBe(0);
    expect(await value(registry, 'meridian_events_appended_total')).toBe(0);
  });

  it('counts WrongExpectedRevision as a conflict and rethrows the same error', async () => {
    const conflict = new WrongExpectedRevision('opportunity-1', 0, 3);
    const { registry, store } = given(() => Promise.reject(conflict));
    await expect(store.appendToStream('opportunity-1', [event(1)], 0)).rejects.toBe(conflict);
    expect(await value(registry, 'meridian_event_appends_total', { outcome: 'conflict' })).toBe(1);
    expect(await value(registry, 'meridian_event_append_duration_seconds')).toBe(1);
  });

  it('counts any other failure as an error and rethrows it', async () => {
    const failure = new Error('connection reset');
    const { registry, store } = given(() => Promise.reject(failure));
    await expect(store.appendToStream('opportunity-1', [event(1)], 0)).rejects.toBe(failure);
    expect(await value(registry, 'meridian_event_appends_total', { outcome: 'error' })).toBe(1);
    expect(await value(registry, 'meridian_event_appends_total', { outcome: 'conflict' })).toBe(0);
    expect(await value(registry, 'meridian_events_appended_total')).toBe(0);
  });

  it('delegates reads, head position and close unchanged', async () => {
    const { inner, store } = given(async () => result(false));
    await store.readStream('opportunity-1');
    await store.readAll({ after: 0, maxCount: 10 });
    await expect(store.headPosition()).resolves.toBe(42);
    await store.close();
    expect(inner.calls).toEqual(['readStream opportunity-1', 'readAll', 'headPosition', 'close']);
  });

  it('reuses the series when a second store is instrumented with the same registry', async () => {
    const registry = createMetricsRegistry();
    const first = instrumentEventStore(new ScriptedStore(async () => result(false)), registry);
    const second = instrumentEventStore(new ScriptedStore(async () => result(false)), registry);
    await first.appendToStream('a-1', [event(1)], 'no_stream');
    await second.appendToStream('a-2', [event(2)], 'no_stream');
    expect(await value(registry, 'meridian_event_appends_total', { outcome: 'appended' })).toBe(2);
  });
});
