import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { StructuredLog, TopicDefaults } from '@meridian/platform/kafka';
import { deadLetterTopicOf, defaultTopicSettings, ensureTopics } from '@meridian/platform/kafka';
import { createKafkaDeadLetterSink } from './kafka-dead-letter-sink';
import { createPartitionPauser } from './partition-pauser';
import type { MessageOutcome, ProjectedMessage } from './project-message';
import { partitionLaneOf, projectMessage, projectMessages } from './project-message';
import type { ReadModelBinding } from './read-model-binding';
import type { StoreBreaker } from './store-breaker';

export type ProjectionConsumerOptions = Readonly<{
  kafka: Kafka;
  /** Full topic names (prefix included). */
  topics: readonly string[];
  /** The read-model generation (or process manager) being fed, its store calls already guarded by `breaker`. */
  binding: ReadModelBinding;
  breaker: StoreBreaker;
  log: StructuredLog;
  groupId: string;
  /** For the source and dead-letter topics if they do not exist yet. */
  topicSettings?: TopicDefaults;
  /** Back-off before retrying a partition after a store error while the breaker is still closed. */
  retryDelayMs?: number;
  /** Most messages of a fetch a read model applies in one batch (one load, one write per document and counter). */
  maxBatchMessages?: number;
  /** Partitions whose batches are applied at once (each in its own order): store round trips of one overlap another's. */
  partitionsConsumedConcurrently?: number;
  /**
   * How long the broker waits for a silent member before giving its
   * partitions to others: after a crash, consumption resumes within this.
   */
  sessionTimeoutMs?: number;
}>;

export type ProjectionCounts = Readonly<Record<MessageOutcome, number>> & Readonly<{ storeFailures: number }>;

export type RunningProjection = Readonly<{
  groupId: string;
  topics: readonly string[];
  counts: () => ProjectionCounts;
  /** Epoch ms of `occurredAt` of the last message handled (any outcome), undefined before the first. */
  lastEventAt: () => number | undefined;
  /** False once the consumer stopped or crashed without kafkajs restarting it: readiness reports it. */
  running: () => boolean;
  /** Partitions waiting for the read store to come back. */
  pausedPartitions: () => number;
  /** Finishes the in-flight message, commits what was written, disconnects. */
  stop: () => Promise<void>;
}>;

/** Lane marks are written at the end of a batch and at least this often within a long one. */
const markIntervalMs = 250;

const defaultBatchMessages = 2_000;
/** About 2,000 of our messages (CloudEvents headers and all) per partition fetch. */
const fetchBytesPerPartition = 4 * 1024 * 1024;

/**
 * A kafkajs consumer group feeding one read-model generation. Guarantees:
 * - at least once, effectively once: an offset is committed only after its
 *   message's writes (or dead letter) are durable; the revision and lane
 *   guards make the redelivery that a crash in between causes change nothing;
 * - per-stream order: the key is the stream id, so one partition carries a
 *   stream, and one partition's messages are handled one at a time, in order;
 * - no poison pill: an undecodable message or a projection error goes to
 *   `<topic>.dlq` and the partition moves on;
 * - no loss on a read-store outage: the failing message stays unresolved, its
 *   partition pauses and resumes (from that message) when the breaker lets a
 *   probe through.
 */
export const startProjectionConsumer = async (options: ProjectionConsumerOptions): Promise<RunningProjection> => {
  const { kafka, binding, log, groupId } = options;
  const counts = { applied: 0, 'already-applied': 0, ignored: 0, 'dead-lettered': 0, storeFailures: 0 };
  const requests = options.topics.flatMap((name) => [{ name, deadLetter: false }, { name: deadLetterTopicOf(name), deadLetter: true }]);
  await ensureTopics(kafka, requests, options.topicSettings ?? defaultTopicSettings, log);

  const deadLetters = createKafkaDeadLetterSink(kafka, groupId);
  const sessionTimeout = options.sessionTimeoutMs ?? 30_000;
  const consumer: Consumer = kafka.consumer({
    groupId, allowAutoTopicCreation: false, sessionTimeout, heartbeatInterval: Math.floor(sessionTimeout / 3),
    // Fetches large enough for a full batch: the more of a stream's events one batch holds, the fewer writes per event.
    maxBytesPerPartition: fetchBytesPerPartition, maxBytes: 4 * fetchBytesPerPartition,
  });
  const pauser = createPartitionPauser(options.breaker, options.retryDelayMs ?? 1_000);
  const deps = { binding, deadLetters, consumer: groupId };
  let lastEventAt: number | undefined;
  let running = false;
  // kafkajs restarts the consumer itself after retriable crashes (restart: true); only the others end it.
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    if (!payload.restart) running = false;
  });
  consumer.on(consumer.events.STOP, () => {
    running = false;
  });

  const eachBatch = async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, uncommittedOffsets, isRunning, isStale, pause }: EachBatchPayload) => {
    const lane = partitionLaneOf(batch.topic, batch.partition);
    let mark: { sequence: number; position: number } | undefined;
    let markedAt = Date.now();
    const recordMark = async () => {
      if (mark === undefined) return;
      // Only read-your-writes waits on marks: a failed write here just leaves the mark behind for a moment.
      await binding.progress.record({ lane, ...mark }).catch(() => undefined);
      markedAt = Date.now();
    };
    // Read models take a chunk of the fetch at once; process managers (no applyBatch) one message at a time.
    const { applyBatch } = binding;
    const chunkSize = applyBatch === undefined ? 1 : (options.maxBatchMessages ?? defaultBatchMessages);
    const project = (messages: readonly KafkaMessage[]): Promise<ProjectedMessage[]> =>
      applyBatch === undefined
        ? projectMessage(deps, batch.topic, batch.partition, messages[0]!).then((one) => [one])
        : projectMessages({ ...deps, binding: { apply: binding.apply, applyBatch } }, batch.topic, batch.partition, messages);
    try {
      for (let start = 0; start < batch.messages.length; start += chunkSize) {
        if (!isRunning() || isStale()) break;
        const chunk = batch.messages.slice(start, start + chunkSize);
        let projected: ProjectedMessage[];
        try {
          projected = await project(chunk);
        } catch (error) {
          // The store (or the DLQ broker) failed, not the messages: they stay unresolved and are fetched again on resume.
          counts.storeFailures++;
          log('warn', 'read store unavailable: pausing partition', { groupId, topic: batch.topic, partition: batch.partition, offset: chunk[0]!.offset, error: String(error) });
          pauser.pauseUntilRetry(pause());
          break;
        }
        pauser.recovered();
        projected.forEach((one, i) => {
          const { offset } = chunk[i]!;
          counts[one.outcome]++;
          if (one.occurredAt !== undefined) lastEventAt = Date.parse(one.occurredAt);
          if (one.outcome === 'dead-lettered') log('warn', 'dead-lettered a message', { groupId, topic: batch.topic, partition: batch.partition, offset });
          resolveOffset(offset);
          mark = { sequence: Number(offset), position: Math.max(mark?.position ?? 0, one.globalPosition) };
        });
        if (Date.now() - markedAt >= markIntervalMs) await recordMark();
        await heartbeat();
      }
    } finally {
      await recordMark();
      // Only resolved offsets, i.e. messages whose effect is already stored.
      const pending = uncommittedOffsets();
      if (pending.topics.length > 0) await commitOffsetsIfNecessary(pending);
    }
  };

  try {
    await deadLetters.connect();
    await consumer.connect();
    await consumer.subscribe({ topics: [...options.topics], fromBeginning: true });
    await consumer.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch, partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 2 });
    running = true;
  } catch (error) {
    pauser.cancel();
    await consumer.disconnect().catch(() => undefined);
    await deadLetters.disconnect().catch(() => undefined);
    throw error;
  }
  log('info', 'projection started', { groupId, topics: options.topics });

  return {
    groupId,
    topics: options.topics,
    counts: () => ({ ...counts }),
    lastEventAt: () => lastEventAt,
    running: () => running,
    pausedPartitions: pauser.paused,
    stop: async () => {
      pauser.cancel();
      // kafkajs waits for the running eachBatch, which stops after its current message and commits.
      await consumer.disconnect();
      await deadLetters.disconnect();
      log('info', 'projection stopped', { groupId, counts });
    },
  };
};
