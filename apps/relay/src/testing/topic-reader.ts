import { randomUUID } from 'node:crypto';
import type { Consumer, IHeaders } from 'kafkajs';
import { Kafka, logLevel } from 'kafkajs';

export type ReadMessage = Readonly<{ topic: string; partition: number; key: string; value: string; headers: Readonly<Record<string, string>> }>;

export type TopicReader = Readonly<{
  /** Everything received so far, in arrival order (per partition that is offset order). */
  messages: () => readonly ReadMessage[];
  close: () => Promise<void>;
}>;

/** A plain kafkajs consumer in its own group, reading the topics from the beginning. */
export const readTopics = async (brokers: readonly string[], topics: readonly string[]): Promise<TopicReader> => {
  const kafka = new Kafka({ clientId: 'relay-spec-reader', brokers: [...brokers], logLevel: logLevel.NOTHING });
  const consumer: Consumer = kafka.consumer({ groupId: `relay-spec-${randomUUID()}` });
  const received: ReadMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics: [...topics], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      received.push({
        topic,
        partition,
        key: message.key?.toString() ?? '',
        value: message.value?.toString() ?? '',
        headers: textHeaders(message.headers ?? {}),
      });
    },
  });
  return { messages: () => [...received], close: () => consumer.disconnect() };
};

const textHeaders = (headers: IHeaders): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.map(String).join(',') : (value?.toString() ?? '')]),
  );
