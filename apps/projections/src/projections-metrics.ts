import type { BreakerState, LiveProjection, MessageOutcome } from '@meridian/platform/projections';
import { METRICS_PREFIX, observeBreakerState } from '@meridian/platform/observability';
import { Counter, Gauge } from 'prom-client';
import type { Registry } from 'prom-client';

/** What the metrics read of a live projection (a port: specs pass fakes). */
export type ObservedProjection = Pick<LiveProjection, 'readModel' | 'generation' | 'counts' | 'lastEventAt' | 'pausedPartitions'>;

export type ObservedBreaker = Readonly<{ name: string; state: () => BreakerState }>;

export type ProjectionsMetricsSources = Readonly<{
  projections: () => readonly ObservedProjection[];
  breakers: readonly ObservedBreaker[];
  /** Messages the read model's consumer group has yet to commit; undefined until first measured. */
  lagMessages: (readModel: string) => number | undefined;
  now?: () => number;
}>;

const outcomes: readonly MessageOutcome[] = ['applied', 'already-applied', 'ignored', 'dead-lettered'];

/**
 * Projection lag in seconds: while the group has messages left, now − the
 * occurredAt of the last event it handled (how far behind the read model's
 * view of the world is); 0 when nothing is left. Before the first event is
 * handled there is nothing to measure from, and 0 is reported: lag in
 * messages tells that case apart.
 */
export const projectionLagSeconds = (lagMessages: number | undefined, lastEventAt: number | undefined, now: number): number =>
  lagMessages === undefined || lagMessages === 0 || lastEventAt === undefined ? 0 : Math.max((now - lastEventAt) / 1000, 0);

/**
 * The projections process's series. Everything is read at scrape time from
 * the live projections (cheap, in-memory figures); consumer-group lag comes
 * from `lagMessages`, which a timer refreshes (asking the brokers costs
 * admin requests per topic, too much for every scrape). Counters follow the
 * consumers' own tallies, which only grow (across generation switches too).
 */
export const registerProjectionsMetrics = (registry: Registry, sources: ProjectionsMetricsSources): void => {
  const registers = [registry];
  const now = sources.now ?? Date.now;
  const counted = new Map<string, number>();
  // A counter cannot be set: add what the tally gained since the last scrape.
  const follow = (counter: Counter<string>, metric: string, labels: Record<string, string>, total: number) => {
    const key = JSON.stringify([metric, labels]);
    const delta = total - (counted.get(key) ?? 0);
    if (delta > 0 || !counted.has(key)) counter.inc(labels, Math.max(delta, 0));
    counted.set(key, Math.max(total, counted.get(key) ?? 0));
  };

  const messages: Counter<string> = new Counter({
    name: `${METRICS_PREFIX}projection_messages_total`,
    help: 'Kafka messages handled by a read model, by outcome (applied, already-applied, ignored, dead-lettered)',
    labelNames: ['read_model', 'outcome'],
    registers,
    collect: () => {
      for (const p of sources.projections()) for (const outcome of outcomes) follow(messages, 'messages', { read_model: p.readModel, outcome }, p.counts()[outcome]);
    },
  });
  const storeFailures: Counter<string> = new Counter({
    name: `${METRICS_PREFIX}projection_store_failures_total`,
    help: 'Read-store calls that failed while projecting (the message is retried after a pause, not lost)',
    labelNames: ['read_model'],
    registers,
    collect: () => {
      for (const p of sources.projections()) follow(storeFailures, 'storeFailures', { read_model: p.readModel }, p.counts().storeFailures);
    },
  });
  const perReadModel = (name: string, help: string, value: (p: ObservedProjection) => number): Gauge<string> => {
    const gauge: Gauge<string> = new Gauge({
      name: `${METRICS_PREFIX}${name}`,
      help,
      labelNames: ['read_model'],
      registers,
      collect: () => {
        for (const p of sources.projections()) gauge.set({ read_model: p.readModel }, value(p));
      },
    });
    return gauge;
  };
  const lagOf = (p: ObservedProjection) => sources.lagMessages(p.readModel);
  perReadModel('projection_consumer_lag_messages', 'Messages on the read model\'s topics its consumer group has not committed yet', (p) => lagOf(p) ?? 0);
  perReadModel('projection_lag_seconds', 'While messages are left: now − occurredAt of the last event handled; 0 when caught up', (p) => projectionLagSeconds(lagOf(p), p.lastEventAt(), now()));
  perReadModel('projection_paused_partitions', 'Partitions paused until the read store answers again', (p) => p.pausedPartitions());
  perReadModel('projection_active_generation', 'Generation of the read model being fed (it changes when a rebuild is swapped in)', (p) => p.generation());

  // The same series (and encoding) as every other breaker's: one gauge per registry.
  for (const breaker of sources.breakers) observeBreakerState(registry, breaker);
};
