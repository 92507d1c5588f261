import type { Admin } from 'kafkajs';
import type { StructuredLog } from '@meridian/platform/kafka';
import { consumerGroupLag } from '@meridian/platform/projections';

export type LagTarget = Readonly<{ groupId: string; topics: readonly string[] }>;

export type ProcessManagerLag = Readonly<{
  /** The last measured lag of the group in messages; undefined before the first successful measurement. */
  lag: (groupId: string) => number | undefined;
  /** Measures every target once, now (the timer calls it). */
  refresh: () => Promise<void>;
  stop: () => Promise<void>;
}>;

/**
 * Keeps each process manager's consumer-group lag up to date on a timer, so a
 * scrape reads a number instead of asking the brokers per topic. A failed
 * measurement keeps the previous value (logged at debug: a broker outage shows
 * in the consumers' own logs). Never two measurements at once.
 */
export const startProcessManagerLag = (
  admin: Pick<Admin, 'connect' | 'disconnect' | 'fetchOffsets' | 'fetchTopicOffsets'>,
  targets: () => readonly LagTarget[],
  intervalMs: number,
  log: StructuredLog,
): ProcessManagerLag => {
  const lags = new Map<string, number>();
  let connected: Promise<void> | undefined;
  let running: Promise<void> | undefined;
  const measure = async () => {
    const current = targets();
    if (current.length === 0) return;
    try {
      await (connected ??= admin.connect().catch((error: unknown) => {
        connected = undefined;
        throw error;
      }));
    } catch (error) {
      log('debug', 'could not measure process-manager lag', { error: String(error) });
      return;
    }
    for (const target of current) {
      try {
        lags.set(target.groupId, await consumerGroupLag(admin, target.groupId, target.topics));
      } catch (error) {
        log('debug', 'could not measure process-manager lag', { groupId: target.groupId, error: String(error) });
      }
    }
  };
  const refresh = () =>
    (running ??= measure().finally(() => {
      running = undefined;
    }));
  const timer = setInterval(() => void refresh(), intervalMs);
  timer.unref();
  return {
    lag: (groupId) => lags.get(groupId),
    refresh,
    stop: async () => {
      clearInterval(timer);
      await running;
      if (connected !== undefined) await admin.disconnect().catch(() => undefined);
    },
  };
};
