import { randomBytes, randomUUID } from 'node:crypto';
import type { Consumer } from 'kafkajs';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import type { EventStore } from '@meridian/platform/eventsourcing';
import { openEventStore } from '@meridian/platform/eventstore';
import { createKafkaClient, textHeadersOf } from '@meridian/platform/kafka';
import type { LiveProjection } from '@meridian/platform/projections';
import { createMongooseGenerations, createStoreBreaker, generationCollections, generationGroupId, openMongooseReadModelStorage, startLiveProjection } from '@meridian/platform/projections';
import type { TestDatabase } from '@meridian/platform/testing';
import { createTestDatabase, pollUntil } from '@meridian/platform/testing';
import type { OpportunityListItem } from './opportunity-list.projection';
import type { OpportunityListQuery } from './opportunity-list.queries';
import { listOpportunities } from './opportunity-list.queries';
import { opportunityListDefinition } from './opportunity-list.runtime';
import type { DealStep } from './testing/deal-events';
import { lose, opening, propose, qualify, reschedule, revise, win } from './testing/deal-events';
import type { EventFeed } from './testing/event-feed';
import { openEventFeed } from './testing/event-feed';

const brokers = (process.env.KAFKA_BROKERS ?? '').split(',');
const deadlineMs = 30_000;
const run = randomBytes(4).toString('hex');
const prefix = `olist-spec-${run}.`;
const groupId = generationGroupId('opportunity-list', 1, prefix);
const collection = generationCollections('opportunity-list', 1).documents;
const kafka = createKafkaClient({ brokers, clientId: 'opportunity-list-spec', log: () => undefined });
const connection = mongoose.createConnection(process.env.MONGODB_URL ?? '', { dbName: `olist_${run}`, serverSelectionTimeoutMS: 5_000 });

let database: TestDatabase;
let store: EventStore;
let feed: EventFeed;
let projection: LiveProjection | undefined;
const breaker = createStoreBreaker('spec', () => undefined);
const ids: Record<string, string> = {};

/** Label → [tenant, steps]; ids are fresh per run. */
const deals: Record<string, readonly [string, readonly DealStep[]]> = {
  d1: ['tenant-a', [opening({ ownerId: 'ana', region: 'emea', expectedCloseDate: '2026-04-15', amount: { amount: 500, currency: 'EUR' } })]],
  d2: ['tenant-a', [opening({ ownerId: 'ana', region: 'apac', expectedCloseDate: '2026-05-10', amount: { amount: 2000, currency: 'EUR' } }), qualify]],
  d3: ['tenant-a', [opening({ ownerId: 'bo', region: 'emea', expectedCloseDate: '2026-06-01', amount: { amount: 1500, currency: 'EUR' } }), qualify, win(1800)]],
  d4: ['tenant-a', [opening({ ownerId: 'bo', region: 'emea', expectedCloseDate: '2026-07-20', amount: { amount: 300, currency: 'EUR' } }), lose]],
  d5: ['tenant-a', [opening({ ownerId: 'ana', region: 'emea', expectedCloseDate: '2026-08-05', amount: { amount: 900, currency: 'EUR' } }), revise(900, 950), reschedule('2026-08-05', '2026-03-31')]],
  d6: ['tenant-b', [opening({ ownerId: 'ana', region: 'emea', expectedCloseDate: '2026-05-01', amount: { amount: 10000, currency: 'EUR' } })]],
};

const documents = async (): Promise<OpportunityListItem[]> =>
  (await connection.collection(collection).find({}, { projection: { _id: 0 } }).sort({ opportunityId: 1 }).toArray()) as unknown as OpportunityListItem[];

const labelsOf = async (query: OpportunityListQuery): Promise<string[]> => {
  const byId = Object.fromEntries(Object.entries(ids).map(([label, id]) => [id, label]));
  return (await listOpportunities(storage().documents, query)).items.map((item) => byId[item.opportunityId]);
};

const waitForRevisions = (expected: Readonly<Record<string, number>>, description: string) =>
  pollUntil(documents, {
    timeoutMs: deadlineMs,
    description,
    until: (docs) => Object.entries(expected).every(([label, revision]) => docs.some((d) => d.opportunityId === ids[label] && d.streamRevision === revision)),
  });

const storage = () => openMongooseReadModelStorage<OpportunityListItem>(connection, 'opportunity-list', 1);

const start = async (): Promise<LiveProjection> => {
  const started = await startLiveProjection({
    kafka, connection, generations: createMongooseGenerations(connection), definition: opportunityListDefinition, breaker, log: () => undefined, topicPrefix: prefix,
  });
  projection = started;
  return started;
};

const stop = async () => {
  await projection?.stop();
  projection = undefined;
};

beforeAll(async () => {
  database = await createTestDatabase('meridian_olist');
  store = await openEventStore(database.url);
  await connection.asPromise();
  feed = await openEventFeed(brokers, prefix, store);
  for (const [label, [tenantId, steps]] of Object.entries(deals)) {
    ids[label] = randomUUID();
    await store.appendToStream(`opportunity-${ids[label]}`, steps.map((step) => step(ids[label], tenantId)), 'no_stream');
  }
});

afterAll(async () => {
  await stop().catch(() => undefined);
  await feed?.close().catch(() => undefined);
  await store?.close().catch(() => undefined);
  await database?.drop().catch(() => undefined);
  await connection.dropDatabase().catch(() => undefined);
  await connection.close();
  breaker.shutdown();
});

describe('opportunity list (event store → relay path → Kafka → projection → FerretDB)', () => {
  let settled: OpportunityListItem[];

  it('turns appended events into one list document per opportunity', async () => {
    const published = await feed.publishNew();
    await start();
    settled = await waitForRevisions({ d1: 0, d2: 1, d3: 2, d4: 1, d5: 2, d6: 0 }, 'all six deals at their last revision');
    expect(settled).toHaveLength(6);
    const d3 = settled.find((d) => d.opportunityId === ids.d3);
    // Every word-suffix of the folded name, so a word prefix finds it (written out here, not by the folding code).
    const words = `Deal ${ids.d3}`.toLowerCase().split('-').join(' ').split(' ');
    const suffixes = words.map((_, at) => words.slice(at).join(' '));
    expect(d3).toEqual({
      visibility: 'active', archivedAt: null, searchTerms: expect.arrayContaining(suffixes),
      tenantId: 'tenant-a', opportunityId: ids.d3, name: `Deal ${ids.d3}`, customerId: 'cust-acme', ownerId: 'bo', stage: 'won', amount: 1800,
      currency: 'EUR', expectedCloseDate: '2026-06-01', region: 'emea', productLine: 'analytics', sourceChannel: 'webinar',
      openedAt: '2026-03-01T09:00:00.000Z', closedAt: '2026-04-02T10:00:00.000Z', streamRevision: 2,
      lastPosition: published.find((e) => e.streamId === `opportunity-${ids.d3}` && e.revision === 2)?.globalPosition,
    });
    expect(settled.find((d) => d.opportunityId === ids.d5)).toMatchObject({ amount: 950, expectedCloseDate: '2026-03-31', stage: 'lead' });
    expect(settled.find((d) => d.opportunityId === ids.d6)).toMatchObject({ tenantId: 'tenant-b', amount: 10000 });
  });

  it('redelivered messages change nothing: duplicates with the same ce_id, then the group reset to earliest', async () => {
    const events = await store.readAll({ after: 0, maxCount: 1000 });
    const running = projection ?? (await start());
    const before = running.counts()['already-applied'];
    await feed.republish(events);
    await pollUntil(() => running.counts()['already-applied'], { timeoutMs: deadlineMs, until: (n) => n >= before + events.length, description: 'duplicates consumed' });
    expect(await documents()).toEqual(settled);

    await stop();
    const admin = new Kafka({ brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.resetOffsets({ groupId, topic: feed.topic, earliest: true }).finally(() => admin.disconnect());
    const again = await start();
    await pollUntil(() => again.counts()['already-applied'], { timeoutMs: deadlineMs, until: (n) => n >= 2 * events.length, description: 'whole topic consumed again' });
    expect(again.counts().applied).toBe(0);
    expect(await documents()).toEqual(settled);
  });

  it('dead-letters poison messages with the error and keeps consuming the partition', async () => {
    const dlq = await readTopic(`${feed.topic}.dlq`);
    try {
      const key = `opportunity-${ids.d2}`;
      const unknownType = { ce_id: randomUUID(), ce_type: 'crm.opportunities.OpportunityStageChanged.v9', ce_schemaversion: '9', ce_streamrevision: '2', ce_globalposition: '999', ce_tenantid: 'tenant-a', ce_time: '2026-03-01T09:00:00.000Z', ce_correlationid: 'c', ce_causationid: 'k' };
      await feed.sendRaw([
        { topic: feed.topic, key, value: '{broken', headers: { ce_id: 'poison-1' } },
        { topic: feed.topic, key, value: '{}', headers: unknownType },
      ]);
      await store.appendToStream(key, [propose(ids.d2, 'tenant-a')], 1);
      await feed.publishNew();
      await waitForRevisions({ d2: 2 }, 'd2 moved to proposal after the poison messages');
      expect((await documents()).find((d) => d.opportunityId === ids.d2)?.stage).toBe('proposal');
      const dead = await pollUntil(dlq.messages, { timeoutMs: deadlineMs, until: (m) => m.length >= 2, description: 'two dead letters' });
      expect(dead.map((m) => [m.key, m.headers['dlq-reason'], m.headers['dlq-consumer'], m.headers['dlq-topic']])).toEqual([
        [key, 'malformed', groupId, feed.topic],
        [key, 'projection-failed', groupId, feed.topic],
      ]);
      expect(dead[0].headers['dlq-error']).toContain('ce_type');
      expect(dead[1].headers['dlq-error']).toContain('UnknownOpportunityEvent');
      expect(dead[1].headers.ce_id).toBe(unknownType.ce_id);
    } finally {
      await dlq.close();
    }
  });

  it('lists a tenant\'s opportunities by filters, sort and page', async () => {
    expect(await labelsOf({ tenantId: 'tenant-a', ownerId: 'ana' })).toEqual(['d5', 'd1', 'd2']);
    expect(await labelsOf({ tenantId: 'tenant-a', region: 'emea', closeDateFrom: '2026-04-01', closeDateTo: '2026-07-31' })).toEqual(['d1', 'd3', 'd4']);
    expect(await labelsOf({ tenantId: 'tenant-a', stage: 'won' })).toEqual(['d3']);
    expect(await labelsOf({ tenantId: 'tenant-b' })).toEqual(['d6']);
    expect(await labelsOf({ tenantId: 'tenant-a', sortBy: 'amount', direction: 'desc', limit: 2 })).toEqual(['d2', 'd3']);
    const second = await listOpportunities(storage().documents, { tenantId: 'tenant-a', sortBy: 'amount', direction: 'desc', limit: 2, offset: 2 });
    expect([second.items.map((i) => i.amount), second.hasMore]).toEqual([[950, 500], true]);
    const last = await listOpportunities(storage().documents, { tenantId: 'tenant-a', sortBy: 'amount', direction: 'desc', limit: 2, offset: 4 });
    expect([last.items.map((i) => i.amount), last.hasMore]).toEqual([[300], false]);
    expect(await labelsOf({ tenantId: 'tenant-a', sortBy: 'openedAt', closeDateTo: '2026-04-30' })).toHaveLength(2);
    expect(await labelsOf({ tenantId: 'tenant-c' })).toEqual([]);
  });

  it('stops gracefully: the offsets of everything written are committed', async () => {
    await stop();
    const admin = kafka.admin();
    await admin.connect();
    try {
      const [committed] = await admin.fetchOffsets({ groupId, topics: [feed.topic] });
      const ends = await admin.fetchTopicOffsets(feed.topic);
      const nonEmpty = ends.filter((p) => p.offset !== '0');
      const committedOf = (partition: number) => committed.partitions.find((p) => p.partition === partition)?.offset;
      expect(nonEmpty.length).toBeGreaterThan(0);
      expect(nonEmpty.map((p) => [p.partition, committedOf(p.partition)])).toEqual(nonEmpty.map((p) => [p.partition, p.offset]));
    } finally {
      await admin.disconnect();
    }
  });
});

type Dead = Readonly<{ key: string; headers: Readonly<Record<string, string>> }>;

const readTopic = async (topic: string): Promise<{ messages: () => Dead[]; close: () => Promise<void> }> => {
  const consumer: Consumer = new Kafka({ brokers, logLevel: logLevel.NOTHING }).consumer({ groupId: `olist-dlq-reader-${randomUUID()}` });
  const received: Dead[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void received.push({ key: message.key?.toString() ?? '', headers: textHeadersOf(message.headers ?? {}) }) });
  return { messages: () => [...received], close: () => consumer.disconnect() };
};

