import type { Admin } from 'kafkajs';
import { startConsumerLagMonitor } from './consumer-lag-monitor';

type LagAdmin = Pick<Admin, 'fetchOffsets' | 'fetchTopicOffsets'>;

/** Brokers at the port: one topic of two partitions, end offsets and committed offsets set by the test. */
const fakeAdmin = (ends: number[], committed: number[], failing = { now: false }): LagAdmin => ({
  fetchTopicOffsets: async () => {
    if (failing.now) throw new Error('broker unavailable');
    return ends.map((high, partition) => ({ partition, offset: String(high), high: String(high), low: '0' }));
  },
  fetchOffsets: async ({ topics }: { topics?: string[] }) =>
    (topics ?? []).map((topic) => ({ topic, partitions: committed.map((offset, partition) => ({ partition, offset: String(offset), metadata: null })) })),
}) as unknown as LagAdmin;

describe('consumer lag monitor', () => {
  const target = { readModel: 'sales-funnel', groupId: () => 'sales-funnel.g1', topics: ['crm.opportunities'] };

  it('knows nothing before the first measurement, then the uncommitted messages of every partition', async () => {
    const monitor = startConsumerLagMonitor(fakeAdmin([10, 5], [7, -1]), () => [target], 60_000, () => undefined);
    expect(monitor.lag('sales-funnel')).toBeUndefined();
    await monitor.refresh();
    expect(monitor.lag('sales-funnel')).toBe(8);
    monitor.stop();
  });

  it('keeps the last value when the brokers do not answer', async () => {
    const failing = { now: false };
    const monitor = startConsumerLagMonitor(fakeAdmin([4], [4], failing), () => [target], 60_000, () => undefined);
    await monitor.refresh();
    failing.now = true;
    await monitor.refresh();
    expect(monitor.lag('sales-funnel')).toBe(0);
    monitor.stop();
  });
});
