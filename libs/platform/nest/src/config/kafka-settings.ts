import type { TopicDefaults } from '@meridian/platform/kafka';
import { defaultTopicSettings, topicSetupTimeoutSetting } from '@meridian/platform/kafka';
import type { Env, Problems } from './settings';
import { integerSetting } from './settings';

const day = 24 * 60 * 60 * 1000;

/**
 * `KAFKA_TOPIC_PREFIX`: a deployment namespace in front of every topic and
 * consumer group. Every process (relay, projections, services) must use the
 * same one. Kafka topic names allow [a-zA-Z0-9._-], at most 249 characters.
 */
export const topicPrefixSetting = (env: Env, problems: Problems): string => {
  const raw = env.KAFKA_TOPIC_PREFIX?.trim() ?? '';
  if (raw !== '' && !/^[A-Za-z0-9._-]{1,100}$/.test(raw)) {
    problems.push(`KAFKA_TOPIC_PREFIX="${raw}" may only contain letters, digits, ".", "_" and "-" (at most 100)`);
  }
  return raw;
};

/** Settings for topics a process creates when missing, and how long it waits for them; the relay and projections share them so either may create first. */
export const topicSettingsFromEnv = (env: Env, problems: Problems): TopicDefaults => ({
  partitions: integerSetting(env, 'KAFKA_TOPIC_PARTITIONS', defaultTopicSettings.partitions, 1, 10_000, problems),
  replicationFactor: integerSetting(env, 'KAFKA_TOPIC_REPLICATION', defaultTopicSettings.replicationFactor, 1, 32, problems),
  retentionMs: integerSetting(env, 'KAFKA_TOPIC_RETENTION_MS', defaultTopicSettings.retentionMs, 60_000, 3650 * day, problems),
  deadLetterRetentionMs: integerSetting(env, 'KAFKA_DLQ_RETENTION_MS', defaultTopicSettings.deadLetterRetentionMs, 60_000, 3650 * day, problems),
  setupTimeoutMs: integerSetting(env, topicSetupTimeoutSetting, defaultTopicSettings.setupTimeoutMs, 1_000, 600_000, problems),
});
