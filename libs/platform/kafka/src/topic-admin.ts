import type { Admin, Kafka } from 'kafkajs';
import type { StructuredLog } from './kafka-client';
import { awaitTopicsServed, retryWhileTopicsSettle } from './topic-readiness';

export type TopicDefaults = Readonly<{
  partitions: number;
  replicationFactor: number;
  /** `retention.ms` of a context topic. */
  retentionMs: number;
  /** `retention.ms` of a dead-letter topic: longer, so poison messages outlive their investigation. */
  deadLetterRetentionMs: number;
  /**
   * How long a start keeps trying while the broker answers that its topics
   * are not there or have no leader yet; after that the start fails.
   */
  setupTimeoutMs: number;
}>;

const day = 24 * 60 * 60 * 1000;

/** Documented in docs/kafka.md; each can be overridden through the relay's and the projections' environment. */
export const defaultTopicSettings: TopicDefaults = {
  partitions: 6,
  replicationFactor: 1,
  retentionMs: 30 * day,
  deadLetterRetentionMs: 90 * day,
  setupTimeoutMs: 30_000,
};

export type TopicRequest = Readonly<{ name: string; deadLetter: boolean }>;

/**
 * Makes every requested topic exist and be served, then resolves with the
 * ones this call asked the broker to create. Missing topics are created; existing ones are left
 * exactly as they are (partition count and configs are an operator's decision
 * once a topic exists).
 *
 * Every process that publishes or consumes calls this at start (relay,
 * projections, the services' process managers), and on a fresh broker they
 * run at the same time. So no side owns creation, and each tolerates the
 * others: a topic created by a twin in between counts as existing, a set
 * created half by each is completed on the next attempt, and a topic that
 * exists but is not served yet (UNKNOWN_TOPIC_OR_PARTITION,
 * LEADER_NOT_AVAILABLE) is waited for until `settings.setupTimeoutMs`.
 * kafkajs's own wait for leaders treats "unknown topic" as final, and its
 * consumers and producers would fail on such a topic just the same, hence
 * the wait here, after creation, whoever created them.
 */
export const ensureTopics = async (
  kafka: Kafka,
  requests: readonly TopicRequest[],
  settings: TopicDefaults,
  log: StructuredLog,
): Promise<readonly string[]> => {
  const admin = kafka.admin();
  await admin.connect();
  const created = new Set<string>();
  const names = requests.map((request) => request.name);
  try {
    await retryWhileTopicsSettle(
      async () => {
        for (const name of await createMissing(admin, requests, settings, log)) created.add(name);
        await awaitTopicsServed(admin, names);
      },
      { topics: names, timeoutMs: settings.setupTimeoutMs, log },
    );
    return [...created];
  } finally {
    await admin.disconnect();
  }
};

/** Creates what the broker does not list yet; resolves with the names it asked for. */
const createMissing = async (admin: Admin, requests: readonly TopicRequest[], settings: TopicDefaults, log: StructuredLog): Promise<readonly string[]> => {
  const existing = new Set(await admin.listTopics());
  const missing = requests.filter((request) => !existing.has(request.name));
  if (missing.length === 0) return [];
  // Leaders are awaited by the caller for every topic, whoever created it.
  const allCreatedHere = await admin.createTopics({
    waitForLeaders: false,
    topics: missing.map((request) => ({
      topic: request.name,
      numPartitions: settings.partitions,
      replicationFactor: settings.replicationFactor,
      configEntries: [{ name: 'retention.ms', value: String(request.deadLetter ? settings.deadLetterRetentionMs : settings.retentionMs) }],
    })),
  });
  const topics = missing.map((request) => request.name);
  const fields = { topics, partitions: settings.partitions, replicationFactor: settings.replicationFactor };
  // kafkajs answers false when some of them were created by another process in between.
  log('info', allCreatedHere ? 'created topics' : 'created topics; another process created some of them at the same time', fields);
  return topics;
};
