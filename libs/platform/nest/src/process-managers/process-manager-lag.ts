import type { Admin } from 'kafkajs';
import type { StructuredLog } from '@meridian/platform/kafka';
import type { ConsumerLagPoller } from '@meridian/platform/projections';
import { startConsumerLagPoller } from '@meridian/platform/projections';

export type LagTarget = Readonly<{ groupId: string; topics: readonly string[] }>;

export type ProcessManagerLag = ConsumerLagPoller;

/**
 * Each process manager's consumer-group lag (by group id), kept up to date on
 * a timer for the service's /metrics (see `startConsumerLagPoller`). The admin
 * client connects at the first measurement with managers running, and again
 * after a failed connect; `stop` disconnects it.
 */
export const startProcessManagerLag = (
  admin: Pick<Admin, 'connect' | 'disconnect' | 'fetchOffsets' | 'fetchTopicOffsets'>,
  targets: () => readonly LagTarget[],
  intervalMs: number,
  log: StructuredLog,
): ProcessManagerLag => {
  let connected: Promise<void> | undefined;
  return startConsumerLagPoller({
    admin,
    targets: () => targets().map((target) => ({ key: target.groupId, groupId: target.groupId, topics: target.topics })),
    intervalMs,
    log,
    what: 'process-manager lag',
    prepare: () =>
      (connected ??= admin.connect().catch((error: unknown) => {
        connected = undefined;
        throw error;
      })),
    release: async () => {
      if (connected !== undefined) await admin.disconnect().catch(() => undefined);
    },
  });
};
