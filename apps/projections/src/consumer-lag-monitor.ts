import type { Admin } from 'kafkajs';
import type { StructuredLog } from '@meridian/platform/kafka';
import { startConsumerLagPoller } from '@meridian/platform/projections';

/** A consumer group to watch: the read model it feeds, its current group id (it follows rebuilds) and topics. */
export type LagTarget = Readonly<{ readModel: string; groupId: () => string; topics: readonly string[] }>;

export type ConsumerLagMonitor = Readonly<{
  /** The last measured lag in messages; undefined before the first successful measurement. */
  lag: (readModel: string) => number | undefined;
  /** Measures every target once, now (the timer calls it; tests too). */
  refresh: () => Promise<void>;
  stop: () => void;
}>;

/** Each read model's consumer-group lag, kept up to date on a timer for /metrics (see `startConsumerLagPoller`). */
export const startConsumerLagMonitor = (
  admin: Pick<Admin, 'fetchOffsets' | 'fetchTopicOffsets'>,
  targets: () => readonly LagTarget[],
  intervalMs: number,
  log: StructuredLog,
): ConsumerLagMonitor => {
  const poller = startConsumerLagPoller({
    admin,
    // The group id is read at each measurement: a rebuild swaps in a new generation's group.
    targets: () => targets().map((target) => ({ key: target.readModel, groupId: target.groupId(), topics: target.topics })),
    intervalMs,
    log,
    what: 'consumer lag',
  });
  return { lag: poller.lag, refresh: poller.refresh, stop: () => void poller.stop() };
};
