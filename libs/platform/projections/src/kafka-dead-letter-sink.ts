import type { Kafka, Producer } from 'kafkajs';
import { deadLetterHeaders, deadLetterTopicOf } from '@meridian/platform/kafka';
import type { DeadLetterSink } from './project-message';

/** Long errors are cut so a header stays well under Kafka's message limits. */
const maxErrorLength = 2000;

/** Header naming the consumer group that gave up on the message, beside the relay's dead-letter headers. */
export const deadLetterConsumerHeader = 'dlq-consumer';

export type KafkaDeadLetterSink = DeadLetterSink & Readonly<{ connect: () => Promise<void>; disconnect: () => Promise<void> }>;

/**
 * Re-publishes the message as it came (key, value, CloudEvents headers) to
 * `<topic>.dlq`, plus the cause and error, so it can be replayed unchanged once
 * fixed. `acks: -1` before resolving: the offset is committed only afterwards.
 */
export const createKafkaDeadLetterSink = (kafka: Kafka, consumerGroup: string): KafkaDeadLetterSink => {
  const producer: Producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  return {
    connect: () => producer.connect(),
    disconnect: () => producer.disconnect(),
    send: async (topic, message, cause, error) => {
      const text = error.length > maxErrorLength ? `${error.slice(0, maxErrorLength)}…` : error;
      await producer.send({
        topic: deadLetterTopicOf(topic),
        acks: -1,
        messages: [{
          key: message.key,
          value: message.value,
          headers: {
            ...message.headers,
            [deadLetterHeaders.reason]: cause,
            [deadLetterHeaders.error]: text,
            [deadLetterHeaders.topic]: topic,
            [deadLetterConsumerHeader]: consumerGroup,
          },
        }],
      });
    },
  };
};
