import { randomUUID } from 'node:crypto';
import type { EachMessagePayload } from 'kafkajs';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { pollUntil } from '@meridian/platform/testing';

/**
 * Smoke test of the servers the test run gets (tools/jest/global-setup.js):
 * whatever answers at KAFKA_BROKERS and MONGODB_URL must behave like Kafka and
 * MongoDB for the things Meridian relies on: keyed, ordered messages with
 * headers read back by a consumer group, and guarded idempotent upserts.
 */
const requireEnv = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the Jest global setup provides it`);
  return value;
};

describe('Kafka (KAFKA_BROKERS)', () => {
  // Silent: kafkajs logs retriable errors (such as "group coordinator not
  // available" while the first group's offsets topic is created) as ERROR.
  // Real failures still reach the test: rejected calls, or a consumer crash.
  const kafka = new Kafka({ clientId: 'meridian-smoke', brokers: requireEnv('KAFKA_BROKERS').split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  // The default partitioner (murmur2, as in the Java client) keeps one key on one partition.
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, idempotent: true });
  const topic = `smoke.${randomUUID()}`;
  // disconnect() waits for the fetch in flight, which idles up to maxWaitTimeInMs (5 s by default).
  const consumer = kafka.consumer({ groupId: `smoke-${randomUUID()}`, maxWaitTimeInMs: 250 });

  afterAll(async () => {
    await consumer.disconnect();
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('creates a topic with 3 partitions, and a consumer group reads keyed messages back with their headers, in order per key', async () => {
    await admin.connect();
    expect(await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true })).toBe(true);
    const [metadata] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
    expect(metadata?.partitions).toHaveLength(3);

    // Murmur2 puts these eight keys on all three partitions (it is deterministic).
    const sent = Array.from({ length: 16 }, (_, index) => ({
      key: `opportunity-${101 + (index % 8)}`,
      value: JSON.stringify({ sequence: index }),
      headers: { ce_id: randomUUID(), ce_type: 'crm.opportunities.OpportunityStageChanged.v1', traceparent: `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01` },
    }));
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: sent });

    const received: EachMessagePayload[] = [];
    let crash: unknown;
    consumer.on(consumer.events.CRASH, (event) => {
      crash = event.payload.error;
    });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async (payload) => void received.push(payload) });
    await pollUntil(() => {
      if (crash) throw crash;
      return received.length;
    }, { timeoutMs: 3 * 60_000, until: (count) => count >= sent.length, description: 'all messages consumed' });

    expect(received).toHaveLength(sent.length);
    const read = received.map(({ partition, message }) => ({
      partition,
      key: message.key?.toString(),
      value: message.value?.toString(),
      headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, header]) => [name, header?.toString()])),
    }));
    for (const message of sent) expect(read).toContainEqual(expect.objectContaining({ key: message.key, value: message.value, headers: message.headers }));
    for (const key of new Set(sent.map((message) => message.key))) {
      const ofKey = read.filter((message) => message.key === key);
      expect(new Set(ofKey.map((message) => message.partition)).size).toBe(1);
      expect(ofKey.map((message) => message.value)).toEqual(sent.filter((message) => message.key === key).map((message) => message.value));
    }
    expect(new Set(read.map((message) => message.partition))).toEqual(new Set([0, 1, 2]));
  });
});

/**
 * FerretDB v1.24 (SQLite) handles everything used here: guarded upserts with
 * $set/$inc, E11000 on a duplicate _id, lean reads, dropDatabase. What it
 * lacks (transactions, change streams, $lookup, $facet, most $group
 * accumulators) read models must do without. It also rejects `endSessions`,
 * which the driver sends on close and ignores.
 */
describe('MongoDB wire (MONGODB_URL)', () => {
  type Funnel = { _id: string; stage: string; changes: number; lastPosition: number };
  const connection = mongoose.createConnection(requireEnv('MONGODB_URL'), { dbName: `smoke_${randomUUID().slice(0, 8)}`, serverSelectionTimeoutMS: 5_000 });
  const Funnels = connection.model<Funnel>('Funnel', new mongoose.Schema<Funnel>({ _id: String, stage: String, changes: Number, lastPosition: Number }, { versionKey: false }));

  afterAll(async () => {
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
  });

  /**
   * The projection pattern: apply an event only if the document has not seen
   * its position yet. On a replay the guard does not match, the upsert then
   * tries to insert the existing _id, and the duplicate key error means
   * "already applied".
   */
  const apply = async (id: string, position: number, stage: string): Promise<'applied' | 'already applied'> => {
    try {
      await Funnels.updateOne(
        { _id: id, lastPosition: { $lt: position } },
        { $set: { stage, lastPosition: position }, $inc: { changes: 1 } },
        { upsert: true },
      );
      return 'applied';
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return 'already applied';
      throw error;
    }
  };

  it('upserts with $set/$inc behind a position guard, and a replayed update changes nothing', async () => {
    await connection.asPromise();
    expect(await connection.db?.admin().ping()).toMatchObject({ ok: 1 });
    const id = `opp-${randomUUID()}`;

    expect(await apply(id, 1, 'lead')).toBe('applied');
    expect(await apply(id, 2, 'qualified')).toBe('applied');
    const before = await Funnels.findById(id).lean();
    expect(before).toEqual({ _id: id, stage: 'qualified', changes: 2, lastPosition: 2 });

    expect(await apply(id, 2, 'qualified')).toBe('already applied'); // the same event again
    expect(await apply(id, 1, 'lead')).toBe('already applied'); // an older one, redelivered
    expect(await Funnels.findById(id).lean()).toEqual(before);
    expect(await Funnels.countDocuments({ _id: id })).toBe(1);
  });
});
