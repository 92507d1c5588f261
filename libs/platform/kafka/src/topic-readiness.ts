import { backOff } from 'exponential-backoff';
import type { Admin } from 'kafkajs';
import { KafkaJSAggregateError, KafkaJSError, KafkaJSProtocolError } from 'kafkajs';
import type { StructuredLog } from './kafka-client';

/** The environment variable that bounds the wait (read by `topicSettingsFromEnv`), named in logs and errors. */
export const topicSetupTimeoutSetting = 'KAFKA_TOPIC_SETUP_TIMEOUT_MS';

/** Topics the broker lists but does not serve yet: a partition without a leader, or none at all. */
export class TopicsNotServed extends Error {
  constructor(readonly topics: readonly string[]) {
    super(`topics not served yet (no leader for every partition): ${topics.join(', ')}`);
    this.name = 'TopicsNotServed';
  }
}

/**
 * Resolves once the broker's metadata has every topic with a leader on each
 * partition: what a producer's first send and a consumer's subscribe need.
 * Throws kafkajs's own error (UNKNOWN_TOPIC_OR_PARTITION, LEADER_NOT_AVAILABLE)
 * or `TopicsNotServed` otherwise.
 */
export const awaitTopicsServed = async (admin: Admin, topics: readonly string[]): Promise<void> => {
  const metadata = await admin.fetchTopicMetadata({ topics: [...topics] });
  const served = new Set(
    metadata.topics
      .filter((topic) => topic.partitions.length > 0 && topic.partitions.every((partition) => partition.partitionErrorCode === 0 && partition.leader >= 0))
      .map((topic) => topic.name),
  );
  const notServed = topics.filter((name) => !served.has(name));
  if (notServed.length > 0) throw new TopicsNotServed(notServed);
};

/**
 * Worth another attempt: what kafkajs itself marks retriable (the topic or its
 * leader not known yet, a leader moving, a timeout, a lost connection), a
 * topic not served yet, and a creation that failed only because some topics
 * came into existence meanwhile or hit one of those. kafkajs's own give-up
 * (its retries exhausted) is not: it already waited.
 */
export const isTopicSetupRetriable = (error: unknown): boolean => {
  if (error instanceof TopicsNotServed) return true;
  if (error instanceof KafkaJSAggregateError) {
    return error.errors.every((one) => (one instanceof KafkaJSProtocolError && one.type === 'TOPIC_ALREADY_EXISTS') || isTopicSetupRetriable(one));
  }
  return error instanceof KafkaJSError && error.retriable;
};

export type TopicSetupRetry = Readonly<{ topics: readonly string[]; timeoutMs: number; log: StructuredLog }>;

/** Runs `attempt` until it succeeds, retrying retriable failures with jittered exponential back-off until `timeoutMs` has passed. */
export const retryWhileTopicsSettle = async (attempt: () => Promise<void>, options: TopicSetupRetry): Promise<void> => {
  const { topics, timeoutMs, log } = options;
  const startedAt = Date.now();
  let outOfTime = false;
  try {
    await backOff(attempt, {
      numOfAttempts: Number.POSITIVE_INFINITY,
      startingDelay: 100,
      timeMultiple: 2,
      maxDelay: 2_000,
      jitter: 'full',
      retry: (error: unknown, nextAttempt: number) => {
        if (!isTopicSetupRetriable(error)) return false;
        const elapsedMs = Date.now() - startedAt;
        outOfTime = elapsedMs >= timeoutMs;
        if (outOfTime) return false;
        log('warn', 'topics not ready yet; retrying', {
          topics, error: messageOf(error), attempt: nextAttempt, elapsedMs, timeoutMs, setting: topicSetupTimeoutSetting,
        });
        return true;
      },
    });
  } catch (error) {
    if (!outOfTime) throw error;
    throw new Error(`topics not ready after ${timeoutMs} ms (${topicSetupTimeoutSetting}): ${messageOf(error)}`, { cause: error });
  }
};

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
