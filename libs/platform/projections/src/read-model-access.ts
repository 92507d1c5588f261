import type { Admin } from 'kafkajs';
import type { Connection } from 'mongoose';
import type { ProjectedDocument } from './projection';
import { partitionLaneOf } from './project-message';
import type { LaneMark, ReadModelStorage } from './read-model-store.port';
import type { LazyResource } from './lazy-resource';
import { createMongooseGenerations, openMongooseReadModelStorage } from './read-model-generations';
import type { StoreBreaker } from './store-breaker';
import { guardStorage } from './store-breaker';
import { storeLane } from './store-feed';

/** What a query endpoint needs of a read model: its live storage and how far it has got. */
export type ReadModelAccess<TDocument extends ProjectedDocument> = Readonly<{
  storage: () => Promise<ReadModelStorage<TDocument>>;
  /** True once every event up to this global position is applied (read-your-writes). */
  reached: (position: number) => Promise<boolean>;
  /**
   * The event store's newest position: one above it was never returned by a
   * command, so waiting for it is a client error rather than a lag.
   */
  storeHead: () => Promise<number>;
}>;

/** Standalone mode: memory storage fed in process, one lane whose position says it all. */
export const inProcessReadModelAccess = <TDocument extends ProjectedDocument>(
  storage: ReadModelStorage<TDocument>,
  feed: Readonly<{ position: () => number; nudge: () => void; storeHead: () => Promise<number> }>,
): ReadModelAccess<TDocument> => ({
  storage: async () => storage,
  storeHead: feed.storeHead,
  reached: async (position) => {
    if (feed.position() >= position) return true;
    feed.nudge();
    return false;
  },
});

/**
 * Whether a Kafka-fed generation has applied everything up to `position`.
 * - A rebuilt generation's store lane covers everything up to its mark.
 * - Otherwise the relay must have published through `position`: its
 *   checkpoint moves only after the broker acknowledged the whole batch, so
 *   every event up to it is in its partition. Then, with end offsets read
 *   after that, every partition must be past `position` or have applied all
 *   it holds.
 */
export const kafkaGenerationReached = async (
  marks: readonly LaneMark[],
  admin: Admin,
  topics: readonly string[],
  position: number,
  publishedThrough: number,
): Promise<boolean> => {
  if (position <= 0 || marks.some((m) => m.lane === storeLane && m.position >= position)) return true;
  if (publishedThrough < position) return false;
  for (const topic of topics) {
    for (const partition of await admin.fetchTopicOffsets(topic)) {
      const end = Number(partition.high);
      if (end === 0 || end === Number(partition.low)) continue;
      const mark = marks.find((m) => m.lane === partitionLaneOf(topic, partition.partition));
      if (mark === undefined || (mark.position < position && mark.sequence < end - 1)) return false;
    }
  }
  return true;
};

export type MongooseReadModelAccessOptions = Readonly<{
  connection: LazyResource<Connection>;
  readModel: string;
  breaker: StoreBreaker;
  admin: LazyResource<Admin>;
  topics: readonly string[];
  /** The relay's checkpoint: every event up to it is acknowledged by Kafka. */
  publishedThrough: () => Promise<number>;
  /** The event store's newest position. */
  storeHead: () => Promise<number>;
  /** How long the active generation is cached: a rebuild's swap shows within this. */
  generationCacheMs?: number;
}>;

/** Production: the active generation in MongoDB, behind the read-store breaker (an outage answers fast). */
export const mongooseReadModelAccess = <TDocument extends ProjectedDocument>(options: MongooseReadModelAccessOptions): ReadModelAccess<TDocument> => {
  const cacheMs = options.generationCacheMs ?? 1_000;
  let cached: { storage: ReadModelStorage<TDocument>; generation: number; at: number } | undefined;
  const storage = async (): Promise<ReadModelStorage<TDocument>> => {
    if (cached !== undefined && Date.now() - cached.at < cacheMs) return cached.storage;
    const connection = await options.connection.get();
    const generation = await options.breaker.run((signal) => createMongooseGenerations(connection).active(options.readModel, { signal }));
    const current = cached?.generation === generation ? cached.storage : guardStorage(openMongooseReadModelStorage<TDocument>(connection, options.readModel, generation), options.breaker);
    cached = { storage: current, generation, at: Date.now() };
    return current;
  };
  return {
    storage,
    storeHead: options.storeHead,
    reached: async (position) => {
      // Checkpoint first: the end offsets must be read after it.
      const publishedThrough = await options.publishedThrough();
      const marks = await (await storage()).progress.marks();
      return kafkaGenerationReached(marks, await options.admin.get(), options.topics, position, publishedThrough);
    },
  };
};
