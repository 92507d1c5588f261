import type { EventStore } from '@meridian/platform/eventsourcing';
import { METRICS_PREFIX } from '@meridian/platform/observability';
import { Counter, Gauge, Histogram } from 'prom-client';
import type { Registry } from 'prom-client';
import type { RelayObserver } from './relay';

export type RelayLagSource = Readonly<{
  store: Pick<EventStore, 'readAll' | 'headPosition'>;
  /** The relay's checkpoint, undefined before it is first loaded. */
  checkpoint: () => number | undefined;
  now?: () => number;
}>;

export type RelayLag = Readonly<{ events: number; seconds: number; checkpoint: number }>;

/** Seconds; one batch is a read, a send acknowledged by all replicas and a checkpoint write. */
export const relayBatchBuckets: readonly number[] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Lag as the relay's alerts need it. In events: store head − checkpoint.
 * In seconds: how long the oldest unpublished event (the one right after the
 * checkpoint) has been waiting, i.e. now − its recordedAt; 0 when caught up.
 * Both are read from the store at the moment of the scrape: two indexed
 * queries, no scan.
 */
export const measureRelayLag = async (source: RelayLagSource): Promise<RelayLag | undefined> => {
  const checkpoint = source.checkpoint();
  if (checkpoint === undefined) return undefined;
  const head = await source.store.headPosition();
  const events = Math.max(head - checkpoint, 0);
  if (events === 0) return { events, seconds: 0, checkpoint };
  const [oldest] = await source.store.readAll({ after: checkpoint, maxCount: 1 });
  const now = (source.now ?? Date.now)();
  const seconds = oldest === undefined ? 0 : Math.max((now - Date.parse(oldest.recordedAt)) / 1000, 0);
  return { events, seconds, checkpoint };
};

/**
 * The relay's series in `registry`: counters and the histogram are fed by the
 * returned observer (one call per relayed batch); the lag gauges are measured
 * when Prometheus scrapes, so they are never staler than the scrape. A store
 * that fails to answer during a scrape leaves the last values in place (and
 * /health/ready reports the store).
 */
export const registerRelayMetrics = (registry: Registry, source: RelayLagSource): RelayObserver => {
  const registers = [registry];
  // One measurement per scrape, shared by the three gauges (prom-client collects each metric separately, concurrently).
  let pending: Promise<void> | undefined;
  const refresh = (): Promise<void> =>
    (pending ??= measureRelayLag(source)
      .then((lag) => {
        if (lag === undefined) return;
        checkpoint.set(lag.checkpoint);
        lagEvents.set(lag.events);
        lagSeconds.set(lag.seconds);
      })
      .catch(() => undefined)
      .finally(() => {
        pending = undefined;
      }));
  const published = new Counter({ name: `${METRICS_PREFIX}relay_events_published_total`, help: 'Events the relay published to their topic (acknowledged and checkpointed), by topic', labelNames: ['topic'], registers });
  const deadLettered = new Counter({ name: `${METRICS_PREFIX}relay_events_dead_lettered_total`, help: 'Events the relay sent to a .dlq topic instead, by reason', labelNames: ['reason'], registers });
  const duration = new Histogram({ name: `${METRICS_PREFIX}relay_batch_duration_seconds`, help: 'Duration of relayed batches: read, send (acks=all) and checkpoint', buckets: [...relayBatchBuckets], registers });
  const checkpoint = new Gauge({ name: `${METRICS_PREFIX}relay_checkpoint_position`, help: 'Global position of the last event the relay published and checkpointed', registers, collect: refresh });
  const lagEvents = new Gauge({ name: `${METRICS_PREFIX}relay_lag_events`, help: 'Events in the store not yet published: head position − checkpoint', registers, collect: refresh });
  const lagSeconds = new Gauge({ name: `${METRICS_PREFIX}relay_lag_seconds`, help: 'Age of the oldest unpublished event (now − its recordedAt); 0 when caught up', registers, collect: refresh });

  return {
    batchRelayed: (batch) => {
      for (const [topic, count] of Object.entries(batch.published)) published.inc({ topic }, count);
      for (const [reason, count] of Object.entries(batch.deadLettered)) deadLettered.inc({ reason }, count);
      duration.observe(batch.durationSeconds);
      checkpoint.set(batch.checkpoint);
    },
  };
};
