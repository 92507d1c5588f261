import { randomUUID } from 'node:crypto';
import type { Consumer } from 'kafkajs';
import { Kafka, logLevel } from 'kafkajs';
import { textHeadersOf } from '@meridian/platform/kafka';

export type TopicMessage = Readonly<{ partition: number; offset: string; key: string; headers: Readonly<Record<string, string>>; value: unknown }>;

/** A plain kafkajs consumer of its own (no Meridian code in the path), reading a topic from the beginning. */
export const readTopic = async (brokers: readonly string[], topic: string): Promise<{ messages: () => TopicMessage[]; close: () => Promise<void> }> => {
  const consumer: Consumer = new Kafka({ brokers: [...brokers], logLevel: logLevel.NOTHING }).consumer({ groupId: `e2e-reader-${randomUUID()}` });
  const received: TopicMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }) =>
      void received.push({
        partition,
        offset: message.offset,
        key: message.key?.toString() ?? '',
        headers: textHeadersOf(message.headers ?? {}),
        value: JSON.parse(message.value?.toString() ?? 'null') as unknown,
      }),
  });
  return { messages: () => [...received], close: () => consumer.disconnect() };
};
