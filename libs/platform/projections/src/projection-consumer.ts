import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import type { StructuredLog, TopicDefaults } from '@meridian/platform/kafka';
import { deadLetterTopicOf, defaultTopicSettings, ensureTopics } from '@meridian/platform/kafka';
import { createKafkaDeadLetterSink } from './kafka-dead-letter-sink';
import type { MessageOutcome } from './project-message';
import { projectMessage } from './project-message';
import type { ProjectedDocument, Projection } from './projection';
import type { ReadModelStore } from './read-model-store.port';

export type ProjectionConsumerOptions<TDocument extends ProjectedDocument> = Readonly<{
  kafka: Kafka;
  /** Full topic names (prefix included). */
  topics: readonly string[];
  projection: Projection<TDocument>;
  store: ReadModelStore<TDocument>;
  log: StructuredLog;
  /** Defaults to the read model's name: one consumer group per read model. */
  groupId?: string;
  /** For the source and dead-letter topics if they do not exist yet. */
  topicSettings?: TopicDefaults;
}>;

export type ProjectionCounts = Readonly<Record<MessageOutcome, number>>;

export type RunningProjection = Readonly<{
  groupId: string;
  counts: () => ProjectionCounts;
  /** Finishes the in-flight message, commits what was written, disconnects. */
  stop: () => Promise<void>;
}>;

/**
 * A kafkajs consumer group feeding one read model. Guarantees:
 * - at least once, effectively once: an offset is committed only after its
 *   message's write (or dead letter) is durable; the per-document revision guard
 *   makes the redelivery that a crash in between causes change nothing;
 * - per-stream order: the key is the stream id, so one partition carries a
 *   stream, and one partition's messages are handled one at a time, in order;
 * - no poison pill: an undecodable message or a projection error goes to
 *   `<topic>.dlq` and the partition moves on.
 */
export const startProjectionConsumer = async <TDocument extends ProjectedDocument>(
  options: ProjectionConsumerOptions<TDocument>,
): Promise<RunningProjection> => {
  const { kafka, projection, store, log } = options;
  const groupId = options.groupId ?? projection.readModel;
  const counts: Record<MessageOutcome, number> = { applied: 0, 'already-applied': 0, ignored: 0, 'dead-lettered': 0 };
  const requests = options.topics.flatMap((name) => [{ name, deadLetter: false }, { name: deadLetterTopicOf(name), deadLetter: true }]);
  await ensureTopics(kafka, requests, options.topicSettings ?? defaultTopicSettings, log);

  const deadLetters = createKafkaDeadLetterSink(kafka, groupId);
  const consumer: Consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  const deps = { projection, store, deadLetters };

  const eachBatch = async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, uncommittedOffsets, isRunning, isStale }: EachBatchPayload) => {
    try {
      for (const message of batch.messages) {
        if (!isRunning() || isStale()) break;
        const outcome = await projectMessage(deps, batch.topic, batch.partition, message);
        counts[outcome]++;
        if (outcome === 'dead-lettered') log('warn', 'dead-lettered a message', { groupId, topic: batch.topic, partition: batch.partition, offset: message.offset });
        resolveOffset(message.offset);
        await heartbeat();
      }
    } finally {
      // Only resolved offsets, i.e. messages whose effect is already stored.
      const pending = uncommittedOffsets();
      if (pending.topics.length > 0) await commitOffsetsIfNecessary(pending);
    }
  };

  try {
    await deadLetters.connect();
    await consumer.connect();
    await consumer.subscribe({ topics: [...options.topics], fromBeginning: true });
    await consumer.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch });
  } catch (error) {
    await consumer.disconnect().catch(() => undefined);
    await deadLetters.disconnect().catch(() => undefined);
    throw error;
  }
  log('info', 'projection started', { groupId, topics: options.topics });

  return {
    groupId,
    counts: () => ({ ...counts }),
    stop: async () => {
      // kafkajs waits for the running eachBatch, which stops after its current message and commits.
      await consumer.disconnect();
      await deadLetters.disconnect();
      log('info', 'projection stopped', { groupId, counts });
    },
  };
};
