import { randomBytes, randomUUID } from 'node:crypto';
import type { EventStore, RecordedEvent } from '@meridian/platform/eventsourcing';
import type { CheckpointStore } from '@meridian/platform/eventstore';
import { openEventStore } from '@meridian/platform/eventstore';
import { Kafka, logLevel } from 'kafkajs';
import type { TestDatabase } from '@meridian/platform/testing';
import { createTestDatabase, pollUntil } from '@meridian/platform/testing';
import { relayCatalogues } from './relay-catalogues';
import { loadRelayConfig } from './relay.config';
import type { RelayRuntimeOptions, RunningRelay } from './relay-runtime';
import { startRelay } from './relay-runtime';
import { dealHistory, stageChanged } from './testing/relay.fixtures';
import type { ReadMessage, TopicReader } from './testing/topic-reader';
import { readTopics } from './testing/topic-reader';

const brokers = (process.env.KAFKA_BROKERS ?? '').split(',');
const deadlineMs = 30_000;

/** Per test: a fresh database, a unique topic prefix, and everything closed afterwards. */
let database: TestDatabase;
let store: EventStore;
let prefix: string;
const cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  database = await createTestDatabase('meridian_relay');
  store = await openEventStore(database.url);
  prefix = `relay-spec-${randomBytes(4).toString('hex')}.`;
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  await store.close();
  await database.drop();
});

const topic = () => `${prefix}crm.opportunities`;

const relay = async (options: RelayRuntimeOptions = {}): Promise<RunningRelay> => {
  const config = loadRelayConfig({
    KAFKA_BROKERS: process.env.KAFKA_BROKERS, EVENTSTORE_URL: database.url, KAFKA_TOPIC_PREFIX: prefix,
    KAFKA_TOPIC_PARTITIONS: '3', RELAY_POLL_INTERVAL_MS: '20', RELAY_BATCH_SIZE: '5', LOG_LEVEL: 'error', RELAY_HTTP_PORT: '0',
  });
  const running = await startRelay(config, relayCatalogues, () => undefined, { retryDelayMs: 10, ...options });
  cleanups.push(() => running.relay.stop().then(() => running.stop()));
  return running;
};

const reader = async (topics: readonly string[]): Promise<TopicReader> => {
  const opened = await readTopics(brokers, topics);
  cleanups.push(opened.close);
  return opened;
};

const appendDeals = async (deals: number, changes: number): Promise<void> => {
  for (let i = 0; i < deals; i++) {
    const id = randomUUID();
    await store.appendToStream(`opportunity-${id}`, dealHistory(id, changes), 'no_stream');
  }
};

const allEvents = async (): Promise<readonly RecordedEvent[]> => store.readAll({ after: 0, maxCount: 10_000 });

const waitForMessages = (source: TopicReader, count: number, description: string) =>
  pollUntil(() => source.messages(), { timeoutMs: deadlineMs, until: (m) => new Set(m.map((x) => x.headers.ce_id)).size >= count, description });

/** No event missing, each stream in revision order, and any duplicate is byte-identical (same ce_id). */
const expectAtLeastOnceInOrder = (messages: readonly ReadMessage[], events: readonly RecordedEvent[]): void => {
  const byId = new Map<string, ReadMessage>();
  const lastRevisionByKey = new Map<string, number>();
  for (const message of messages) {
    const previous = byId.get(message.headers.ce_id);
    if (previous) {
      expect({ key: message.key, value: message.value, revision: message.headers.ce_streamrevision })
        .toEqual({ key: previous.key, value: previous.value, revision: previous.headers.ce_streamrevision });
      continue;
    }
    byId.set(message.headers.ce_id, message);
    const revision = Number(message.headers.ce_streamrevision);
    expect(revision).toBe((lastRevisionByKey.get(message.key) ?? -1) + 1);
    lastRevisionByKey.set(message.key, revision);
  }
  expect([...byId.keys()].sort()).toEqual(events.map((e) => e.eventId).sort());
};

/**
 * Holds the relay inside its `batches`-th checkpoint save until released, so a
 * test can request the stop at an exact point ("mid-way" without timing).
 */
const pauseAfter = (batches: number) => {
  let reached!: () => void;
  let release!: () => void;
  const atPause = new Promise<void>((resolve) => (reached = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const wrap = (inner: CheckpointStore): CheckpointStore => ({
    load: (name) => inner.load(name),
    save: async (name, position) => {
      await inner.save(name, position);
      if (--batches === 0) {
        reached();
        await released;
      }
    },
  });
  return { wrap, atPause, release };
};

describe('relay (PostgreSQL event store → Kafka)', () => {
  it('publishes each event keyed by stream id, with CloudEvents headers and the payload as value', async () => {
    const admin = new Kafka({ brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    cleanups.push(() => admin.disconnect());
    // An existing topic is left as it is: created here with 2 partitions, not the relay's 3.
    await admin.createTopics({ topics: [{ topic: topic(), numPartitions: 2 }], waitForLeaders: true });
    await appendDeals(2, 2);
    await relay();
    const source = await reader([topic()]);
    const messages = await waitForMessages(source, 6, 'six published events');

    for (const event of await allEvents()) {
      const message = messages.find((m) => m.headers.ce_id === event.eventId);
      expect(message).toMatchObject({ topic: topic(), key: event.streamId });
      expect(JSON.parse(message?.value ?? '')).toEqual(event.data);
      expect(message?.headers).toEqual({
        ce_specversion: '1.0', ce_id: event.eventId, ce_source: '/meridian/opportunities',
        ce_type: `crm.opportunities.${event.type}.v1`, ce_subject: event.streamId, ce_time: event.metadata.occurredAt,
        'content-type': 'application/json', ce_tenantid: 'tenant-relay', ce_correlationid: event.metadata.correlationId,
        ce_causationid: event.metadata.causationId, ce_actorid: 'rep-ana', ce_streamrevision: String(event.revision),
        ce_globalposition: String(event.globalPosition), ce_schemaversion: '1', traceparent: event.metadata.traceparent,
      });
    }
    const metadata = await admin.fetchTopicMetadata({ topics: [topic(), `${topic()}.dlq`] });
    expect(metadata.topics.map((t) => [t.name, t.partitions.length]).sort()).toEqual([[topic(), 2], [`${topic()}.dlq`, 3]]);
    const configs = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: 2, name: `${topic()}.dlq`, configNames: ['retention.ms'] }] });
    expect(configs.resources[0].configEntries[0].configValue).toBe(String(90 * 24 * 60 * 60 * 1000));
  });

  it('resumes from its checkpoint after a stop mid-way: nothing missing, per-key order kept', async () => {
    await appendDeals(6, 4);
    const pause = pauseAfter(3);
    const first = await relay({ wrapCheckpoints: pause.wrap });
    await pause.atPause;
    const stopping = first.stop();
    pause.release();
    await stopping;
    expect(await checkpointOf()).toBe(15);
    await appendDeals(2, 2);

    await relay();
    const source = await reader([topic()]);
    const events = await allEvents();
    const messages = await waitForMessages(source, events.length, `all ${events.length} events`);
    expectAtLeastOnceInOrder(messages, events);
  });

  it('re-sends a batch whose checkpoint save failed after the broker acknowledged it: none lost', async () => {
    await appendDeals(3, 3);
    let failures = 1;
    await relay({
      wrapCheckpoints: (inner) => ({
        load: (name) => inner.load(name),
        save: async (name, position) => {
          if (failures-- > 0) throw new Error('injected: crash between send and checkpoint');
          await inner.save(name, position);
        },
      }),
    });
    const source = await reader([topic()]);
    const events = await allEvents();
    const messages = await waitForMessages(source, events.length, `all ${events.length} events`);
    await pollUntil(() => checkpointOf(), { timeoutMs: deadlineMs, until: (p) => p === events.length, description: 'checkpoint at head' });
    expectAtLeastOnceInOrder(source.messages(), events);
    expect(messages.length).toBeGreaterThanOrEqual(events.length);
    // The first batch (5 events) went out twice, under the same ce_ids.
    expect(source.messages().filter((m) => m.headers.ce_globalposition === '1')).toHaveLength(2);
  });

  it('sends an invalid payload to the .dlq topic with the error, and carries on', async () => {
    const id = randomUUID();
    const [open, change] = dealHistory(id, 1);
    await store.appendToStream(`opportunity-${id}`, [open, { ...change, data: { opportunityId: id, toStage: 'nowhere' } }], 'no_stream');
    await store.appendToStream(`opportunity-${id}`, [stageChanged(id, 1)], 1);
    await relay();
    const source = await reader([topic(), `${topic()}.dlq`]);
    const messages = await waitForMessages(source, 3, 'two published events and one dead letter');

    const [deadLetter] = messages.filter((m) => m.topic === `${topic()}.dlq`);
    expect(deadLetter).toMatchObject({ key: `opportunity-${id}`, headers: { ce_id: change.eventId, 'dlq-reason': 'schema-violation', 'dlq-topic': topic() } });
    expect(deadLetter.headers['dlq-error']).toContain('/toStage');
    expect(JSON.parse(deadLetter.value)).toEqual({ opportunityId: id, toStage: 'nowhere' });
    expect(messages.filter((m) => m.topic === topic()).map((m) => m.headers.ce_streamrevision)).toEqual(['0', '2']);
  });
});

const checkpointOf = async (): Promise<number> => {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ position: string }>("SELECT position FROM relay_checkpoints WHERE name = 'relay'");
    return rows.length === 0 ? 0 : Number(rows[0].position);
  } finally {
    await client.end();
  }
};
