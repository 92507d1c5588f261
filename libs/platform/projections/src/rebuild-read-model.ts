import type { Admin, Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import type { EventStore } from '@meridian/platform/eventsourcing';
import type { EventRouter, StructuredLog, TopicDefaults } from '@meridian/platform/kafka';
import { createCatchUpWatch } from './catch-up-watch';
import { consumerGroupLag } from './consumer-lag';
import { handOver, retireGeneration } from './generation-handover';
import type { ProjectedDocument } from './projection';
import type { RunningProjection } from './projection-consumer';
import { startProjectionConsumer } from './projection-consumer';
import { bindReadModel } from './read-model-binding';
import { createHistoryFold } from './history-fold';
import type { ProgressSink } from './progress-reporter';
import { replayFeed } from './replay-feed';
import type { ReadModelDefinition } from './read-model-definition';
import { prefixedTopics } from './read-model-definition';
import type { MongooseReadModelStorage, ReadModelGenerations } from './read-model-generations';
import { generationGroupId, openMongooseReadModelStorage } from './read-model-generations';
import type { StoreBreaker } from './store-breaker';
import { guardStorage } from './store-breaker';
import { createStoreFeed } from './store-feed';

export type RebuildOptions<TDocument extends ProjectedDocument> = Readonly<{
  store: EventStore;
  router: EventRouter;
  kafka: Kafka;
  connection: Connection;
  generations: ReadModelGenerations;
  definition: ReadModelDefinition<TDocument>;
  breaker: StoreBreaker;
  log: StructuredLog;
  progress: ProgressSink;
  topicPrefix?: string;
  topicSettings?: TopicDefaults;
  pageSize?: number;
  /** Documents the replay holds in memory before writing them out (history-fold.ts). */
  documentsInMemory?: number;
  /** The catch-up from Kafka gives up when its lag has reached no new low for this long (see catch-up-watch.ts). */
  catchUpStallMs?: number;
  /** How long to wait for live instances to join the new generation and leave the old one. */
  retireTimeoutMs?: number;
  /** The old generation must stay unconsumed this long before it is dropped (an instance may be about to join it). */
  retireGraceMs?: number;
}>;

export type RebuildResult = Readonly<{ generation: number; previousGeneration: number; storePosition: number; skipped: number; retired: boolean }>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Rebuilds a read model beside the live one, then swaps it in:
 * 1. a fresh generation is filled from the whole event history, in global
 *    order (the store lane), folded in memory and written in bulk, with
 *    progress output;
 * 2. its own consumer group catches up from Kafka what was appended since,
 *    starting where the topics ended before the history was read (events the
 *    history already covered past that point stop at the revision guard);
 * 3. once its lag is zero it becomes the active generation, in one
 *    compare-and-swap write; its consumer keeps feeding it until a live
 *    instance has joined its group (they follow within their interval);
 * 4. when no instance has consumed the old generation for a grace period,
 *    its collections and consumer group are removed.
 * The old generation serves queries until the swap, so readers never see a
 * half-built model. A failure before the swap leaves the old one active.
 */
export const rebuildReadModel = async <TDocument extends ProjectedDocument>(options: RebuildOptions<TDocument>): Promise<RebuildResult> => {
  const { definition, generations, log } = options;
  const readModel = definition.projection.readModel;
  const previousGeneration = await generations.active(readModel);
  const generation = await generations.reserve(readModel);
  const storage = openMongooseReadModelStorage<TDocument>(options.connection, readModel, generation);
  const admin = options.kafka.admin();
  await admin.connect();
  try {
    const groupId = generationGroupId(readModel, generation, options.topicPrefix);
    let built: Awaited<ReturnType<typeof buildGeneration<TDocument>>>;
    try {
      built = await buildGeneration(options, storage, admin);
      if (!(await generations.activate(readModel, generation, previousGeneration))) {
        await built.consumer.stop();
        throw new Error(`another rebuild activated a generation of ${readModel} meanwhile; this one (${generation}) is discarded`);
      }
    } catch (error) {
      // Nothing was swapped: the old generation stays active; don't leave a half-built one behind.
      await storage.drop().catch(() => undefined);
      await admin.deleteGroups([groupId]).catch(() => undefined);
      throw error;
    }
    log('info', 'rebuilt generation activated', { readModel, generation, previousGeneration });
    const timeouts = { waitMs: options.retireTimeoutMs ?? 60_000, graceMs: options.retireGraceMs ?? 5_000 };
    await handOver(admin, groupId, built.consumer, timeouts.waitMs);
    const retired = await retireGeneration({ ...options, admin, generation: previousGeneration, ...timeouts });
    return { generation, previousGeneration, storePosition: built.storePosition, skipped: built.skipped, retired };
  } finally {
    await admin.disconnect();
  }
};

/** Steps 1 and 2: history from the store, then Kafka until the new group has no lag. */
const buildGeneration = async <TDocument extends ProjectedDocument>(
  options: RebuildOptions<TDocument>,
  storage: MongooseReadModelStorage<TDocument>,
  admin: Admin,
): Promise<{ storePosition: number; skipped: number; consumer: RunningProjection }> => {
  const { definition, log } = options;
  const readModel = definition.projection.readModel;
  const topics = prefixedTopics(definition, options.topicPrefix);
  await storage.drop();
  await definition.ensureIndexes?.(options.connection, storage.collections);
  const guarded = guardStorage(storage, options.breaker);
  const covered = await topicEnds(admin, topics);
  const replayed = await replayHistory(options, guarded, storage.generation);
  log('info', 'rebuild replayed the event history', { readModel, generation: storage.generation, ...replayed });

  const groupId = generationGroupId(readModel, storage.generation, options.topicPrefix);
  for (const { topic, partitions } of covered) await admin.setOffsets({ groupId, topic, partitions });
  const consumer = await startProjectionConsumer({
    kafka: options.kafka, topics, binding: bindReadModel(definition.projection, guarded), breaker: options.breaker, log, groupId, topicSettings: options.topicSettings,
  });
  try {
    const stallMs = options.catchUpStallMs ?? 120_000;
    const watch = createCatchUpWatch(stallMs);
    for (;;) {
      const lag = await consumerGroupLag(admin, groupId, topics);
      options.progress(`rebuild ${readModel} g${storage.generation}: catching up from Kafka, lag ${lag} messages`, { done: 0, total: lag, ratePerSecond: 0, etaSeconds: null });
      const state = watch(lag);
      // Still consuming at the swap: the new generation never stands still while live instances join.
      if (state === 'caught-up') return { ...replayed, consumer };
      if (state === 'stalled') throw new Error(`generation ${storage.generation} still ${lag} messages behind, its catch-up without progress for ${stallMs / 1000} s; the old generation stays active`);
      await sleep(250);
    }
  } catch (error) {
    await consumer.stop();
    throw error;
  }
};

/**
 * Where the topics end before the replay reads the store's head. Every
 * message below these offsets was relayed before that read, and the relay
 * publishes only settled events in store order, so the replay covers it: the
 * new generation's group starts here instead of reading every topic from the
 * beginning only to skip what the replay applied (a store lookup per message).
 * A topic that does not exist yet has nothing to skip.
 */
const topicEnds = async (admin: Admin, topics: readonly string[]) => {
  const existing = new Set(await admin.listTopics());
  return Promise.all(
    topics
      .filter((topic) => existing.has(topic))
      .map(async (topic) => ({ topic, partitions: (await admin.fetchTopicOffsets(topic)).map(({ partition, high }) => ({ partition, offset: high })) })),
  );
};

/**
 * Step 1: the whole history folded in memory (in slices of at most
 * `documentsInMemory` documents) and written into the fresh generation in
 * bulk, each document once per slice (history-fold.ts).
 */
const replayHistory = async <TDocument extends ProjectedDocument>(
  options: RebuildOptions<TDocument>,
  storage: ReturnType<typeof guardStorage<TDocument>>,
  generation: number,
): Promise<{ storePosition: number; skipped: number; documents: number }> => {
  const readModel = options.definition.projection.readModel;
  const feed = createStoreFeed(options.store, options.router, prefixedTopics(options.definition, options.topicPrefix));
  const fold = createHistoryFold(options.definition.projection, storage, {
    ...(options.documentsInMemory === undefined ? {} : { documentsInMemory: options.documentsInMemory }),
    onRejected: (event, error) => options.log('warn', 'rebuild skipped an event the projection rejects', { readModel, eventId: event.eventId, error: error.message }),
  });
  const head = await feed.head();
  const reached = await replayFeed(feed, [fold], {
    head, pageSize: options.pageSize ?? 1_000, label: `rebuild ${readModel} g${generation} from the event store`, progress: options.progress,
  });
  const { documents, skipped } = await fold.finish(reached);
  return { storePosition: reached, skipped, documents };
};
