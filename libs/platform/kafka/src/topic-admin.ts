import type { Kafka } from 'kafkajs';
import type { StructuredLog } from './kafka-client';

export type TopicDefaults = Readonly<{
  partitions: number;
  replicationFactor: number;
  /** `retention.ms` of a context topic. */
  retentionMs: number;
  /** `retention.ms` of a dead-letter topic: longer, so poison messages outlive their investigation. */
  deadLetterRetentionMs: number;
}>;

const day = 24 * 60 * 60 * 1000;

/** Documented in docs/kafka.md; each can be overridden through the relay's environment. */
export const defaultTopicSettings: TopicDefaults = {
  partitions: 6,
  replicationFactor: 1,
  retentionMs: 30 * day,
  deadLetterRetentionMs: 90 * day,
};

export type TopicRequest = Readonly<{ name: string; deadLetter: boolean }>;

/**
 * Creates the topics that do not exist yet and leaves existing ones exactly as
 * they are (partition count and configs are an operator's decision once a topic
 * exists). Safe to run from several relays at once: a topic created by a twin
 * in between counts as existing.
 */
export const ensureTopics = async (
  kafka: Kafka,
  requests: readonly TopicRequest[],
  settings: TopicDefaults,
  log: StructuredLog,
): Promise<readonly string[]> => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = requests.filter((request) => !existing.has(request.name));
    if (missing.length === 0) return [];
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((request) => ({
        topic: request.name,
        numPartitions: settings.partitions,
        replicationFactor: settings.replicationFactor,
        configEntries: [{ name: 'retention.ms', value: String(request.deadLetter ? settings.deadLetterRetentionMs : settings.retentionMs) }],
      })),
    });
    const created = missing.map((request) => request.name);
    log('info', 'created topics', { topics: created, partitions: settings.partitions, replicationFactor: settings.replicationFactor });
    return created;
  } finally {
    await admin.disconnect();
  }
};
