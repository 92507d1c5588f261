import type { Admin } from 'kafkajs';
import type { StructuredLog } from '@meridian/platform/kafka';
import { consumerGroupLag } from './consumer-lag';

/** A consumer group to measure, under the key its lag is read by (a read model, a process manager). */
export type LagPollTarget = Readonly<{ key: string; groupId: string; topics: readonly string[] }>;

export type ConsumerLagPoller = Readonly<{
  /** The last measured lag in messages; undefined before the first successful measurement. */
  lag: (key: string) => number | undefined;
  /** Measures every target once, now (the timer calls it; tests too). */
  refresh: () => Promise<void>;
  /** Stops the timer, waits for a measurement under way, then `release`s. */
  stop: () => Promise<void>;
}>;

export type ConsumerLagPollerOptions = Readonly<{
  admin: Pick<Admin, 'fetchOffsets' | 'fetchTopicOffsets'>;
  /** Read at every measurement: the groups change (rebuilds, managers starting). */
  targets: () => readonly LagPollTarget[];
  intervalMs: number;
  log: StructuredLog;
  /** Named in the debug line of a failed measurement, e.g. "consumer lag". */
  what: string;
  /** Before a measurement with targets (e.g. connect the admin client); a failure skips that measurement. */
  prepare?: () => Promise<void>;
  release?: () => Promise<void>;
}>;

/**
 * Keeps consumer-group lags up to date on a timer, so a scrape reads a number
 * instead of making admin requests per topic to the brokers. A failed
 * measurement keeps the previous value (logged at debug: the brokers' own
 * outage shows in readiness and in the consumers' logs). Never two
 * measurements at once: a slow broker must not pile them up.
 */
export const startConsumerLagPoller = (options: ConsumerLagPollerOptions): ConsumerLagPoller => {
  const { admin, log, what } = options;
  const lags = new Map<string, number>();
  let running: Promise<void> | undefined;
  const measure = async () => {
    const targets = options.targets();
    if (targets.length === 0) return;
    try {
      await options.prepare?.();
    } catch (error) {
      log('debug', `could not measure ${what}`, { error: String(error) });
      return;
    }
    for (const target of targets) {
      try {
        lags.set(target.key, await consumerGroupLag(admin, target.groupId, target.topics));
      } catch (error) {
        log('debug', `could not measure ${what}`, { key: target.key, groupId: target.groupId, error: String(error) });
      }
    }
  };
  const refresh = () =>
    (running ??= measure().finally(() => {
      running = undefined;
    }));
  const timer = setInterval(() => void refresh(), options.intervalMs);
  timer.unref();
  return {
    lag: (key) => lags.get(key),
    refresh,
    stop: async () => {
      clearInterval(timer);
      await running;
      await options.release?.();
    },
  };
};
