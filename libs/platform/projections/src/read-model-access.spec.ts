import type { Admin } from 'kafkajs';
import { createMemoryReadModelStorage } from './memory-read-model-store';
import { partitionLaneOf } from './project-message';
import type { ProjectedDocument } from './projection';
import { inProcessReadModelAccess, kafkaGenerationReached } from './read-model-access';
import type { LaneMark } from './read-model-store.port';
import { storeLane } from './store-feed';

type Offsets = Readonly<{ partition: number; low: number; high: number }>;

/** Only what `kafkaGenerationReached` asks of the admin client: each topic's partition offsets. */
const fakeAdmin = (offsetsByTopic: Readonly<Record<string, readonly Offsets[]>>) => {
  const asked: string[] = [];
  const admin = {
    fetchTopicOffsets: async (topic: string) => {
      asked.push(topic);
      return (offsetsByTopic[topic] ?? []).map(({ partition, low, high }) => ({ partition, offset: String(high), low: String(low), high: String(high) }));
    },
  };
  return { admin: admin as unknown as Admin, asked };
};

const topic = 'crm.opportunities';
const mark = (partition: number, sequence: number, position: number): LaneMark => ({ lane: partitionLaneOf(topic, partition), sequence, position });

/** Two partitions holding offsets 0..9 each (high = next offset = 10). */
const twoPartitions = { [topic]: [{ partition: 0, low: 0, high: 10 }, { partition: 1, low: 0, high: 10 }] };

describe('kafkaGenerationReached', () => {
  it('trusts a rebuilt generation whose store lane is at or after the position, without asking Kafka', async () => {
    const { admin, asked } = fakeAdmin(twoPartitions);
    expect(await kafkaGenerationReached([{ lane: storeLane, sequence: 50, position: 50 }], admin, [topic], 50, 50)).toBe(true);
    expect(await kafkaGenerationReached([{ lane: storeLane, sequence: 50, position: 50 }], admin, [topic], 30, 30)).toBe(true);
    expect(asked).toEqual([]);
  });

  it('is false while the relay has not published through the position, without asking Kafka', async () => {
    const { admin, asked } = fakeAdmin(twoPartitions);
    expect(await kafkaGenerationReached([mark(0, 9, 40), mark(1, 9, 41)], admin, [topic], 42, 41)).toBe(false);
    expect(await kafkaGenerationReached([], admin, [topic], 1, 0)).toBe(false);
    expect(await kafkaGenerationReached([{ lane: storeLane, sequence: 41, position: 41 }], admin, [topic], 42, 41)).toBe(false);
    expect(asked).toEqual([]);
  });

  it('is false when a later event is applied but the batch holding the position is not yet acknowledged', async () => {
    // P+1 reached partition 1 and was applied; P (partition 0) is still in flight: partition 0 looks fully applied.
    const { admin } = fakeAdmin(twoPartitions);
    expect(await kafkaGenerationReached([mark(0, 9, 30), mark(1, 5, 43)], admin, [topic], 42, 40)).toBe(false);
  });

  it('counts position 0 as reached (nothing to wait for)', async () => {
    const { admin } = fakeAdmin(twoPartitions);
    expect(await kafkaGenerationReached([], admin, [topic], 0, 0)).toBe(true);
  });

  it('is true when every partition is past the position', async () => {
    const { admin, asked } = fakeAdmin(twoPartitions);
    expect(await kafkaGenerationReached([mark(0, 4, 42), mark(1, 3, 45)], admin, [topic], 42, 42)).toBe(true);
    expect(asked).toEqual([topic]);
  });

  it('is true when a partition below the position has applied everything it holds (sequence ≥ high − 1)', async () => {
    const { admin } = fakeAdmin(twoPartitions);
    expect(await kafkaGenerationReached([mark(0, 4, 42), mark(1, 9, 30)], admin, [topic], 42, 42)).toBe(true);
  });

  it('is false while a partition below the position still has messages to apply', async () => {
    const { admin } = fakeAdmin(twoPartitions);
    expect(await kafkaGenerationReached([mark(0, 4, 42), mark(1, 8, 30)], admin, [topic], 42, 42)).toBe(false);
  });

  it('is not held up by empty partitions (never written, or emptied by retention)', async () => {
    const { admin } = fakeAdmin({ [topic]: [{ partition: 0, low: 0, high: 10 }, { partition: 1, low: 0, high: 0 }, { partition: 2, low: 7, high: 7 }] });
    expect(await kafkaGenerationReached([mark(0, 4, 42)], admin, [topic], 42, 42)).toBe(true);
  });

  it('is false for a partition with messages but no mark yet', async () => {
    const { admin } = fakeAdmin(twoPartitions);
    expect(await kafkaGenerationReached([mark(0, 9, 42)], admin, [topic], 42, 42)).toBe(false);
  });

  it('checks the partitions of every topic, matching marks by topic as well as partition', async () => {
    const other = 'crm.accounts';
    const { admin, asked } = fakeAdmin({ ...twoPartitions, [other]: [{ partition: 0, low: 0, high: 3 }] });
    const marks = [mark(0, 9, 42), mark(1, 9, 41)];
    expect(await kafkaGenerationReached(marks, admin, [topic, other], 42, 42)).toBe(false);
    expect(asked).toEqual([topic, other]);
    expect(await kafkaGenerationReached([...marks, { lane: partitionLaneOf(other, 0), sequence: 2, position: 20 }], admin, [topic, other], 42, 42)).toBe(true);
  });
});

describe('inProcessReadModelAccess', () => {
  const feedAt = (position: number) => {
    const feed = { position: () => position, nudge: () => void (feed.nudges += 1), nudges: 0, storeHead: async () => position + 10 };
    return feed;
  };

  it("tells the event store's newest position, above which no command answered", async () => {
    expect(await inProcessReadModelAccess(createMemoryReadModelStorage<ProjectedDocument>(), feedAt(7)).storeHead()).toBe(17);
  });

  it('serves its storage as is', async () => {
    const storage = createMemoryReadModelStorage<ProjectedDocument>();
    expect(await inProcessReadModelAccess(storage, feedAt(0)).storage()).toBe(storage);
  });

  it('has reached every position up to the feed position, without nudging', async () => {
    const feed = feedAt(7);
    const access = inProcessReadModelAccess(createMemoryReadModelStorage<ProjectedDocument>(), feed);
    expect(await access.reached(7)).toBe(true);
    expect(await access.reached(0)).toBe(true);
    expect(feed.nudges).toBe(0);
  });

  it('nudges the feed on every check of a position not reached yet', async () => {
    const feed = feedAt(7);
    const access = inProcessReadModelAccess(createMemoryReadModelStorage<ProjectedDocument>(), feed);
    expect(await access.reached(8)).toBe(false);
    expect(await access.reached(9)).toBe(false);
    expect(feed.nudges).toBe(2);
  });
});
