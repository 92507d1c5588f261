import type { Admin } from 'kafkajs';
import { startConsumerLagPoller } from './consumer-lag-poller';

type LagAdmin = Pick<Admin, 'fetchOffsets' | 'fetchTopicOffsets'>;

/** Brokers at the port: one partition with 10 messages, 4 of them committed. */
const admin = {
  fetchTopicOffsets: async () => [{ partition: 0, offset: '10', high: '10', low: '0' }],
  fetchOffsets: async ({ topics }: { topics?: string[] }) => (topics ?? []).map((topic) => ({ topic, partitions: [{ partition: 0, offset: '4', metadata: null }] })),
} as unknown as LagAdmin;

const target = { key: 'won-opportunity-drafts', groupId: 'pm.won-opportunity-drafts', topics: ['crm.opportunities'] };

describe('consumer lag poller', () => {
  it('prepares before measuring, skips the measurement when that fails, and tries again next time', async () => {
    let fail = true;
    const calls: string[] = [];
    const poller = startConsumerLagPoller({
      admin, targets: () => [target], intervalMs: 60_000, log: () => undefined, what: 'lag',
      prepare: async () => {
        calls.push('prepare');
        if (fail) throw new Error('broker down');
      },
    });
    await poller.refresh();
    expect(poller.lag('won-opportunity-drafts')).toBeUndefined();
    fail = false;
    await poller.refresh();
    expect(poller.lag('won-opportunity-drafts')).toBe(6);
    expect(calls).toEqual(['prepare', 'prepare']);
    await poller.stop();
  });

  it('does not prepare (connect) while there is nothing to measure', async () => {
    const prepare = jest.fn(async () => undefined);
    const poller = startConsumerLagPoller({ admin, targets: () => [], intervalMs: 60_000, log: () => undefined, what: 'lag', prepare });
    await poller.refresh();
    expect(prepare).not.toHaveBeenCalled();
    await poller.stop();
  });

  it('stops after the measurement under way, then releases', async () => {
    const order: string[] = [];
    let finish: () => void = () => undefined;
    const slow = { ...admin, fetchTopicOffsets: () => new Promise((resolve) => (finish = () => resolve(admin.fetchTopicOffsets('t')))) } as unknown as LagAdmin;
    const poller = startConsumerLagPoller({ admin: slow, targets: () => [target], intervalMs: 60_000, log: () => undefined, what: 'lag', release: async () => void order.push('released') });
    const measuring = poller.refresh().then(() => order.push('measured'));
    const stopped = poller.stop().then(() => order.push('stopped'));
    await new Promise((resolve) => setImmediate(resolve));
    finish();
    await Promise.all([measuring, stopped]);
    expect(order).toEqual(['measured', 'released', 'stopped']);
  });
});
