import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import type { StructuredLog, TopicDefaults } from '@meridian/platform/kafka';
import type { ProjectedDocument } from './projection';
import type { ProjectionCounts, RunningProjection } from './projection-consumer';
import { startProjectionConsumer } from './projection-consumer';
import { RetentionGap, assertNoRetentionGap } from './consumer-lag';
import type { ReadModelDefinition } from './read-model-definition';
import { prefixedTopics } from './read-model-definition';
import type { ReadModelGenerations } from './read-model-generations';
import { generationGroupId, openMongooseReadModelStorage } from './read-model-generations';
import type { StoreBreaker } from './store-breaker';
import { guardStorage } from './store-breaker';
import { bindReadModel } from './read-model-binding';

export type LiveProjectionOptions<TDocument extends ProjectedDocument> = Readonly<{
  kafka: Kafka;
  connection: Connection;
  generations: ReadModelGenerations;
  definition: ReadModelDefinition<TDocument>;
  breaker: StoreBreaker;
  log: StructuredLog;
  topicPrefix?: string;
  topicSettings?: TopicDefaults;
  /** How often the active generation is checked, so a rebuild's swap is followed. */
  followIntervalMs?: number;
  retryDelayMs?: number;
  sessionTimeoutMs?: number;
  /** Passed to the consumer (projection-consumer.ts). */
  maxBatchMessages?: number;
  partitionsConsumedConcurrently?: number;
}>;

export type LiveProjection = Readonly<{
  readModel: string;
  /** Full topic names it consumes (prefix included). */
  topics: readonly string[];
  generation: () => number;
  /** The consumer group of the active generation (it changes when a rebuild is followed). */
  groupId: () => string;
  /** Since this instance started, across generation switches: never decreases, so metrics can count on it. */
  counts: () => ProjectionCounts;
  lastEventAt: () => number | undefined;
  running: () => boolean;
  pausedPartitions: () => number;
  stop: () => Promise<void>;
}>;

/**
 * Keeps the active generation of a read model fed from Kafka, with the
 * consumer group of that generation. When a rebuild activates a new
 * generation, this instance stops its consumer and joins the new
 * generation's group, which continues from the offsets the rebuild committed.
 */
export const startLiveProjection = async <TDocument extends ProjectedDocument>(options: LiveProjectionOptions<TDocument>): Promise<LiveProjection> => {
  const { definition, log } = options;
  const readModel = definition.projection.readModel;
  const topics = prefixedTopics(definition, options.topicPrefix);

  const startGeneration = async (generation: number): Promise<RunningProjection> => {
    const groupId = generationGroupId(readModel, generation, options.topicPrefix);
    const admin = options.kafka.admin();
    await admin.connect();
    try {
      await assertNoRetentionGap(admin, groupId, topics);
    } catch (error) {
      // Topics not created yet (a fresh deployment) hold nothing to miss.
      if (error instanceof RetentionGap) throw error;
    } finally {
      await admin.disconnect();
    }
    const storage = openMongooseReadModelStorage<TDocument>(options.connection, readModel, generation);
    await definition.ensureIndexes?.(options.connection, storage.collections);
    return startProjectionConsumer({
      kafka: options.kafka,
      topics,
      binding: bindReadModel(definition.projection, guardStorage(storage, options.breaker)),
      breaker: options.breaker,
      log,
      groupId,
      topicSettings: options.topicSettings,
      retryDelayMs: options.retryDelayMs,
      sessionTimeoutMs: options.sessionTimeoutMs,
      maxBatchMessages: options.maxBatchMessages,
      partitionsConsumedConcurrently: options.partitionsConsumedConcurrently,
    });
  };

  let generation = await options.generations.active(readModel);
  let running = await startGeneration(generation);
  let stopped = false;
  let switchingGeneration = false;
  const countedOut = new WeakSet<RunningProjection>();
  let retired: ProjectionCounts = { applied: 0, 'already-applied': 0, ignored: 0, 'dead-lettered': 0, storeFailures: 0 };
  let switching: Promise<void> = Promise.resolve();

  const follow = async () => {
    const active = await options.generations.active(readModel).catch(() => generation);
    if (active === generation || stopped) return;
    log('info', 'following a rebuilt generation', { readModel, from: generation, to: active });
    switchingGeneration = true;
    try {
      await running.stop();
      // Once per consumer: a failed start retries the switch and must not count the stopped one twice.
      if (!countedOut.has(running)) retired = addCounts(retired, running.counts());
      countedOut.add(running);
      running = await startGeneration(active);
    } finally {
      switchingGeneration = false;
    }
    generation = active;
  };
  const timer = setInterval(() => {
    switching = switching.then(follow).catch((error) => log('error', 'could not switch generation', { readModel, error: String(error) }));
  }, options.followIntervalMs ?? 2_000);
  timer.unref();

  return {
    readModel,
    topics,
    generation: () => generation,
    groupId: () => running.groupId,
    counts: () => (countedOut.has(running) ? retired : addCounts(retired, running.counts())),
    lastEventAt: () => running.lastEventAt(),
    // During a switch the old consumer is stopped and the new one not yet started: that is not a failure.
    running: () => switchingGeneration || running.running(),
    pausedPartitions: () => running.pausedPartitions(),
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await switching;
      await running.stop();
    },
  };
};

const addCounts = (a: ProjectionCounts, b: ProjectionCounts): ProjectionCounts => ({
  applied: a.applied + b.applied,
  'already-applied': a['already-applied'] + b['already-applied'],
  ignored: a.ignored + b.ignored,
  'dead-lettered': a['dead-lettered'] + b['dead-lettered'],
  storeFailures: a.storeFailures + b.storeFailures,
});
