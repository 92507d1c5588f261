import type { Admin } from 'kafkajs';
import type { StructuredLog } from '@meridian/platform/kafka';
import { consumerGroupLag } from '@meridian/platform/projections';

/** A consumer group to watch: the read model it feeds, its current group id (it follows rebuilds) and topics. */
export type LagTarget = Readonly<{ readModel: string; groupId: () => string; topics: readonly string[] }>;

export type ConsumerLagMonitor = Readonly<{
  /** The last measured lag in messages; undefined before the first successful measurement. */
  lag: (readModel: string) => number | undefined;
  /** Measures every target once, now (the timer calls it; tests too). */
  refresh: () => Promise<void>;
  stop: () => void;
}>;

/**
 * Keeps each read model's consumer-group lag up to date on a timer, so a
 * scrape reads a number instead of making admin requests per topic to the
 * brokers. A failed measurement keeps the previous value (logged at debug:
 * the brokers' own outage shows in readiness and in the consumers' logs).
 */
export const startConsumerLagMonitor = (
  admin: Pick<Admin, 'fetchOffsets' | 'fetchTopicOffsets'>,
  targets: () => readonly LagTarget[],
  intervalMs: number,
  log: StructuredLog,
): ConsumerLagMonitor => {
  const lags = new Map<string, number>();
  let running: Promise<void> | undefined;
  const measure = async () => {
    for (const target of targets()) {
      try {
        lags.set(target.readModel, await consumerGroupLag(admin, target.groupId(), target.topics));
      } catch (error) {
        log('debug', 'could not measure consumer lag', { readModel: target.readModel, error: String(error) });
      }
    }
  };
  // Never two measurements at once: a slow broker must not pile them up.
  const refresh = () =>
    (running ??= measure().finally(() => {
      running = undefined;
    }));
  const timer = setInterval(() => void refresh(), intervalMs);
  timer.unref();
  return { lag: (readModel) => lags.get(readModel), refresh, stop: () => clearInterval(timer) };
};
