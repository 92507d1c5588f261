import type { Kafka, Producer } from 'kafkajs';
import { Partitioners } from 'kafkajs';
import type { OutgoingMessage } from './event-router';

/** Sends batches and resolves only once every message is acknowledged by all in-sync replicas. */
export type OrderedPublisher = Readonly<{
  connect: () => Promise<void>;
  publish: (messages: readonly OutgoingMessage[]) => Promise<void>;
  disconnect: () => Promise<void>;
}>;

/**
 * Guarantees, per partition (hence per stream, since the key is the stream id):
 * - order: messages leave in array order; `maxInFlightRequests: 1` plus the
 *   idempotent producer mean a retried request can neither reorder nor
 *   duplicate within this producer session;
 * - durability: `acks: -1` (all in-sync replicas) before `publish` resolves,
 *   so a checkpoint saved afterwards never points past an unacknowledged event.
 * The Java-compatible murmur2 partitioner keeps keys on the same partitions
 * as Java and other clients would choose.
 */
export const createOrderedPublisher = (kafka: Kafka): OrderedPublisher => {
  const producer: Producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  return {
    connect: () => producer.connect(),
    publish: async (messages) => {
      if (messages.length === 0) return;
      await producer.sendBatch({ acks: -1, topicMessages: groupByTopic(messages) });
    },
    disconnect: () => producer.disconnect(),
  };
};

/** One entry per topic; each topic keeps its messages in their original order (hence per-partition order). */
const groupByTopic = (messages: readonly OutgoingMessage[]) => {
  const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
  for (const message of messages) {
    const list = byTopic.get(message.topic) ?? [];
    list.push({ key: message.key, value: message.value, headers: { ...message.headers } });
    byTopic.set(message.topic, list);
  }
  return [...byTopic].map(([topic, list]) => ({ topic, messages: list }));
};
