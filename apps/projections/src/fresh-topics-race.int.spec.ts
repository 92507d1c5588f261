import { randomBytes } from 'node:crypto';
import { publicCatalogues } from '@meridian/contexts/catalogues';
import type { RecordedEvent } from '@meridian/platform/eventsourcing';
import { openEventStore } from '@meridian/platform/eventstore';
import type { StructuredLog } from '@meridian/platform/kafka';
import { createEventRouter, createKafkaClient, createOrderedPublisher, ensureTopics } from '@meridian/platform/kafka';
import { topicSettingsFromEnv } from '@meridian/platform/nest';
import type { ReadModelBinding, RunningProjection } from '@meridian/platform/projections';
import { createStoreBreaker, prefixedTopics, startProjectionConsumer } from '@meridian/platform/projections';
import { pollUntil } from '@meridian/platform/testing';
import { readModelCatalogue, readModelNames } from './read-model-catalogue';
import { appendFirstEvents, firstEventsPerTopic } from './testing/first-events';

/**
 * The relay and the projections both create the topics they miss. Started
 * together on a fresh broker they race: a set of topics is created half by
 * each, and a topic just created is not served yet, which kafkajs reports as
 * final (UNKNOWN_TOPIC_OR_PARTITION, "This server does not host this
 * topic-partition"). Each start takes a fresh prefix and runs, at the same
 * moment, the relay's topic setup and first publish (as relay-runtime.ts:
 * its topics, its producer, the first batch) and the projections' topic setup
 * and first subscribe for every read model in turn (as startProjections does,
 * through startProjectionConsumer). Starts run a few at a time: a busy broker
 * is slower to serve what it has just created, which is when the race is lost
 * (alone on an idle broker it rarely is). Every start must succeed and every
 * read model's consumer must receive the first events.
 */
const starts = 20;
const startsAtOnce = 4;
const boundMs = 60_000;
const brokers = (process.env.KAFKA_BROKERS ?? '').split(',');
const run = randomBytes(4).toString('hex');
const settingsEnv = { KAFKA_TOPIC_PARTITIONS: '3' };
const topicSettings = topicSettingsFromEnv(settingsEnv, []);

const logged: string[] = [];
const log: StructuredLog = (level, message, fields) => {
  if (level !== 'debug') logged.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
};
let firstEvents: readonly RecordedEvent[];

beforeAll(async () => {
  const store = await openEventStore('memory:');
  await appendFirstEvents(store);
  firstEvents = await store.readAll({ after: 0, maxCount: 100 });
  await store.close();
});

const relayTopicSetupAndFirstPublish = async (prefix: string): Promise<void> => {
  const kafka = createKafkaClient({ brokers, clientId: 'meridian-relay', log });
  const router = createEventRouter({ catalogues: publicCatalogues, topicPrefix: prefix });
  await ensureTopics(kafka, router.topics, topicSettings, log);
  const publisher = createOrderedPublisher(kafka);
  await publisher.connect();
  try {
    await publisher.publish(firstEvents.map((event) => router.route(event)));
  } finally {
    await publisher.disconnect();
  }
};

/** Counts what a read model's consumer receives; the projection itself is beside the point here. */
const countingBinding = (readModel: string, received: { count: number }): ReadModelBinding => ({
  readModel,
  apply: async () => {
    received.count++;
    return 'applied';
  },
  progress: { record: async () => undefined, marks: async () => [] },
});

type Subscribed = Readonly<{ readModel: string; expected: number; received: { count: number }; consumer: RunningProjection }>;

const projectionsTopicSetupAndFirstSubscribe = async (prefix: string, subscribed: Subscribed[]): Promise<void> => {
  const kafka = createKafkaClient({ brokers, clientId: 'meridian-projections', log });
  const breaker = createStoreBreaker(`race-${prefix}`, log);
  try {
    for (const readModel of readModelNames) {
      const definition = readModelCatalogue[readModel];
      const received = { count: 0 };
      const consumer = await startProjectionConsumer({
        kafka, topics: prefixedTopics(definition, prefix), binding: countingBinding(readModel, received), breaker, log,
        groupId: `${prefix}${readModel}.g1`, topicSettings, sessionTimeoutMs: 6_000,
      });
      const expected = definition.topics.reduce((total, topic) => total + (firstEventsPerTopic[topic] ?? 0), 0);
      subscribed.push({ readModel, expected, received, consumer });
    }
  } finally {
    breaker.shutdown();
  }
};

const reasonOf = (outcome: PromiseSettledResult<unknown>): string | undefined =>
  outcome.status === 'rejected' ? (outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason)) : undefined;

/** Undefined when both sides came up and every read model received the first events; else what failed. */
const startTogether = async (index: number): Promise<string | undefined> => {
  const prefix = `race-${run}-${index}.`;
  const subscribed: Subscribed[] = [];
  const [relay, projections] = await Promise.allSettled([
    relayTopicSetupAndFirstPublish(prefix),
    projectionsTopicSetupAndFirstSubscribe(prefix, subscribed),
  ]);
  try {
    const failed = [['relay', reasonOf(relay)], ['projections', reasonOf(projections)]].filter(([, reason]) => reason !== undefined);
    if (failed.length > 0) return `start ${index}: ${failed.map(([side, reason]) => `${side} failed: ${reason}`).join('; ')}`;
    await pollUntil(() => subscribed.map(({ readModel, received }) => ({ readModel, received: received.count })), {
      timeoutMs: boundMs,
      intervalMs: 50,
      until: () => subscribed.every(({ expected, received }) => received.count >= expected),
      description: `start ${index}: the first events in every read model's consumer`,
    });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    for (const { consumer } of subscribed) await consumer.stop();
  }
};

describe('relay and projections setting up fresh topics at the same moment', () => {
  it(`both come up and the first events reach every read model, in each of ${starts} fresh starts`, async () => {
    const failures: string[] = [];
    // Every start runs even after a failure, so the count says how often the race is lost.
    for (let first = 0; first < starts; first += startsAtOnce) {
      const wave = Array.from({ length: Math.min(startsAtOnce, starts - first) }, (_, offset) => startTogether(first + offset));
      for (const failure of await Promise.all(wave)) if (failure !== undefined) failures.push(failure);
    }
    expect({ failed: failures.length, of: starts, failures }).toEqual({ failed: 0, of: starts, failures: [] });
  }, starts * 3 * boundMs);
});
