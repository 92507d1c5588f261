// Stages 2 and 3: the relay (store → Kafka) and the projections (Kafka →
// read models, live and in a rebuild), each beside a bare-client baseline.
const { Kafka, logLevel } = require('kafkajs');
const { setTimeout, clearTimeout } = require('node:timers');
const { performance } = require('node:perf_hooks');
const { mongo } = require('mongoose');
const { getUrl } = require('./http-load');
const path = require('node:path');
const { root, withPg, startWorker, spawnNode, distEntry } = require('./stack');

const parseJsonLine = (line) => {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
};

/** Prometheus text → [{ name, labels, value }]. */
const scrape = async (url) => {
  const { text } = await getUrl(`${url}/metrics`);
  return text.split('\n').filter((line) => line && !line.startsWith('#')).map((line) => {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match) return undefined;
    const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    return { name: match[1], labels, value: Number(match[3]) };
  }).filter(Boolean);
};

const storeHead = (databaseUrl) => withPg(databaseUrl, async (client) => Number((await client.query('SELECT coalesce(max(global_position), 0) AS head, count(*) AS n FROM events')).rows[0].head));
const storeCount = (databaseUrl) => withPg(databaseUrl, async (client) => Number((await client.query('SELECT count(*) AS n FROM events')).rows[0].n));

/** Starts the relay on a store that already holds the events and times it until its checkpoint reaches the head. */
const measureRelay = async ({ env, databaseUrl, timeoutMs, log, onStarted = () => undefined }) => {
  const head = await storeHead(databaseUrl);
  const events = await storeCount(databaseUrl);
  const started = performance.now();
  let batches = 0;
  let first;
  let relayLines = () => undefined;
  const done = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`relay did not reach position ${head} within ${timeoutMs} ms`)), timeoutMs);
    let reported = performance.now();
    relayLines = (line) => {
      const entry = parseJsonLine(line);
      if (entry?.message !== 'batch relayed') return;
      batches++;
      if (first === undefined) first = { at: performance.now(), to: entry.to };
      if (performance.now() - reported > 3_000) {
        log(`  relay at ${entry.to}/${head}`);
        reported = performance.now();
      }
      if (entry.to >= head) {
        clearTimeout(timer);
        resolve(performance.now());
      }
    };
  });
  const relay = await startWorker('relay', env, /"relay started"/);
  onStarted(relay);
  relay.onLine((line) => relayLines(line));
  const finished = await done;
  const seconds = (finished - started) / 1000;
  // Steady rate: from the first batch's log line to the last (process start and topic creation excluded).
  const steady = batches > 1 ? { events: events - first.to, seconds: (finished - first.at) / 1000 } : { events, seconds };
  return { relay, result: { events, batches, seconds: round(seconds), eventsPerSecond: Math.round(steady.events / steady.seconds), includingStartEventsPerSecond: Math.round(events / seconds) } };
};

const round = (n) => Math.round(n * 100) / 100;

/**
 * Baseline: a bare kafkajs producer configured as the relay's (idempotent,
 * one request in flight, acks=all) sends the same events as the same Kafka
 * messages (built by the relay's own router from dist/: same key, value and
 * CloudEvents headers, traceparent included), in batches of the relay's size,
 * one batch at a time. Only the relay's own work (reading the store, routing,
 * checkpoints, spans) is left out, which is what the ratio shows.
 */
const producerBaseline = async ({ brokers, databaseUrl, topic, batchSize, limit }) => {
  const rows = await withPg(databaseUrl, async (client) => (await client.query(
    'SELECT global_position, stream_id, revision, event_id, type, data, metadata, recorded_at FROM events ORDER BY global_position LIMIT $1', [limit],
  )).rows);
  const { createEventRouter } = require(path.join(root, 'dist', 'libs', 'platform', 'kafka', 'src', 'index.js'));
  const { relayCatalogues } = require(path.join(root, 'dist', 'apps', 'relay', 'src', 'relay-catalogues.js'));
  const router = createEventRouter({ catalogues: relayCatalogues, topicPrefix: '' });
  const messages = rows.map((row) => {
    const routed = router.route({
      eventId: row.event_id, type: row.type, streamId: row.stream_id, revision: Number(row.revision), globalPosition: Number(row.global_position),
      recordedAt: new Date(row.recorded_at).toISOString(), data: row.data, metadata: row.metadata,
    });
    return { key: routed.key, value: routed.value, headers: routed.headers };
  });
  const kafka = new Kafka({ clientId: 'bench-baseline', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 6, replicationFactor: 1 }], waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    const started = performance.now();
    for (let i = 0; i < messages.length; i += batchSize) {
      await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages: messages.slice(i, i + batchSize) }] });
    }
    const seconds = (performance.now() - started) / 1000;
    return { events: messages.length, seconds: round(seconds), eventsPerSecond: Math.round(messages.length / seconds), batchSize };
  } finally {
    await producer.disconnect();
  }
};

/** Messages each read model must handle: the sum of its topics' end offsets. */
const expectedMessages = async ({ brokers, prefix }) => {
  const { readModelCatalogue } = require(distEntry('projections').replace(/main\.js$/, 'read-model-catalogue.js'));
  const kafka = new Kafka({ clientId: 'bench-offsets', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const expected = {};
    for (const [name, definition] of Object.entries(readModelCatalogue)) {
      let total = 0;
      for (const topic of definition.topics.map((t) => `${prefix}${t}`)) {
        if (!existing.has(topic)) continue;
        for (const partition of await admin.fetchTopicOffsets(topic)) total += Number(partition.high) - Number(partition.low);
      }
      expected[name] = total;
    }
    return expected;
  } finally {
    await admin.disconnect();
  }
};

/** Messages each read model has handled since the projections process started (its metrics). */
const handledPerReadModel = async (projectionsUrl) => {
  const handled = {};
  for (const sample of await scrape(projectionsUrl)) {
    if (sample.name === 'meridian_projection_messages_total') handled[sample.labels.read_model] = (handled[sample.labels.read_model] ?? 0) + sample.value;
  }
  return handled;
};

/** Starts the projections on a full topic and times each read model until it has handled every message. */
const measureProjections = async ({ env, brokers, prefix, events, timeoutMs, log, onStarted = () => undefined }) => {
  const expected = await expectedMessages({ brokers, prefix });
  const started = performance.now();
  const projections = await startWorker('projections', env, /"projection started"/);
  onStarted(projections);
  const finishedAt = {};
  // Steady rate: from the first scrape that shows handled messages (process start, group join and assignment excluded).
  let firstHandled;
  const deadline = Date.now() + timeoutMs;
  let lastLog = 0;
  for (;;) {
    const handled = await handledPerReadModel(projections.url);
    const total = Object.values(handled).reduce((sum, n) => sum + n, 0);
    if (firstHandled === undefined && total > 0) firstHandled = { at: performance.now(), handled: total };
    for (const [name, count] of Object.entries(expected)) if (finishedAt[name] === undefined && (handled[name] ?? 0) >= count) finishedAt[name] = performance.now();
    if (Object.keys(expected).every((name) => finishedAt[name] !== undefined)) break;
    if (Date.now() > deadline) throw new Error(`projections did not catch up within ${timeoutMs} ms: handled ${JSON.stringify(handled)} of ${JSON.stringify(expected)}`);
    if (Date.now() - lastLog > 5_000) {
      log(`  projections handled ${JSON.stringify(handled)} of ${JSON.stringify(expected)}`);
      lastLog = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const perReadModel = Object.fromEntries(Object.entries(expected).filter(([, count]) => count > 0).map(([name, count]) => {
    const seconds = (finishedAt[name] - started) / 1000;
    return [name, { messages: count, seconds: round(seconds), eventsPerSecond: Math.round(count / seconds) }];
  }));
  const finished = Math.max(...Object.values(finishedAt));
  const seconds = (finished - started) / 1000;
  const messages = Object.values(expected).reduce((sum, n) => sum + n, 0);
  const steadySeconds = (finished - firstHandled.at) / 1000;
  // Events/s counts each stored event once however many read models consume it; messages/s counts every read model's work.
  const steady = steadySeconds > 0 ? { seconds: round(steadySeconds), messagesPerSecond: Math.round((messages - firstHandled.handled) / steadySeconds), eventsPerSecond: Math.round((events * (messages - firstHandled.handled)) / messages / steadySeconds) } : undefined;
  return { projections, result: { events, messages, seconds: round(seconds), eventsPerSecond: steady?.eventsPerSecond ?? Math.round(events / seconds), includingStartEventsPerSecond: Math.round(events / seconds), steady, readModels: Object.keys(perReadModel).length, perReadModel } };
};

/**
 * Waits (up to `timeoutMs`) until the projections have handled every message
 * on their topics and the topics stopped growing: what a rate search left
 * in flight would otherwise be lag of the next probes. Returns the seconds it took.
 */
const untilProjectionsCaughtUp = async ({ projectionsUrl, brokers, prefix, timeoutMs = 300_000 }) => {
  const started = performance.now();
  let previous;
  for (;;) {
    const expected = await expectedMessages({ brokers, prefix });
    const handled = await handledPerReadModel(projectionsUrl);
    const total = Object.values(expected).reduce((sum, n) => sum + n, 0);
    const caughtUp = Object.entries(expected).every(([name, count]) => (handled[name] ?? 0) >= count);
    if ((caughtUp && total === previous) || performance.now() - started > timeoutMs) return round((performance.now() - started) / 1000);
    previous = total;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
};

/** `projections rebuild <name>`; the rate is the one its own final progress line reports for the event-store replay. */
const measureRebuild = async ({ env, readModel, timeoutMs, log }) => {
  const started = performance.now();
  const rebuild = spawnNode(`rebuild ${readModel}`, distEntry('projections'), env, ['rebuild', readModel]);
  let last;
  let lastLog = 0;
  rebuild.onLine((line) => {
    if (!/from the event store: /.test(line)) return;
    last = line;
    if (Date.now() - lastLog > 3_000) {
      log(`  ${line.trim()}`);
      lastLog = Date.now();
    }
  });
  const timer = setTimeout(() => rebuild.stop('SIGKILL'), timeoutMs);
  const code = await rebuild.exited;
  clearTimeout(timer);
  if (code !== 0) throw new Error(`rebuild ${readModel} exited with ${code}:\n${rebuild.tail().slice(-3000)}`);
  const match = /: ([\d,]+) \/ ([\d,]+) events \(\d+%\) · ([\d,]+) events\/s/.exec(last ?? '');
  if (!match) throw new Error(`rebuild ${readModel} printed no final progress line:\n${rebuild.tail().slice(-3000)}`);
  const number = (text) => Number(text.replace(/,/g, ''));
  return { readModel, events: number(match[1]), eventsPerSecond: number(match[3]), totalSeconds: round((performance.now() - started) / 1000) };
};

/**
 * Baseline: the documents the projections wrote, upserted again with the bare
 * driver one document per command (`replaceOne` by `_id`, upsert), `inFlight`
 * at a time like the projections' writes, into a fresh database on the same
 * server, cycling through them until `count` upserts are done. One command per
 * document is what a projection without batching would send per event.
 */
const upsertBaseline = async ({ mongodbServerUrl, database, count, inFlight }) => {
  const client = new mongo.MongoClient(mongodbServerUrl, { directConnection: true, serverSelectionTimeoutMS: 10_000, socketTimeoutMS: 120_000 });
  let step = 'connect';
  try {
    await client.connect();
    step = 'read the read model';
    const source = client.db(database);
    const collections = await source.listCollections().toArray();
    let best;
    for (const { name } of collections) {
      if (!/opportunit/i.test(name)) continue;
      const n = await source.collection(name).estimatedDocumentCount();
      if (!best || n > best.n) best = { name, n };
    }
    if (!best) throw new Error(`no opportunity read-model collection in ${database}: ${collections.map((c) => c.name).join(', ')}`);
    const documents = await source.collection(best.name).find({}).limit(20_000).toArray();
    const target = client.db(`${database}_baseline`).collection('upserts');
    step = 'single-document upserts';
    const started = performance.now();
    let next = 0;
    const sender = async () => {
      while (next < count) {
        const document = documents[next++ % documents.length];
        await target.replaceOne({ _id: document._id }, document, { upsert: true });
      }
    };
    await Promise.all(Array.from({ length: inFlight }, sender));
    const seconds = (performance.now() - started) / 1000;
    return { collection: best.name, distinctDocuments: documents.length, upserts: count, inFlight, seconds: round(seconds), upsertsPerSecond: Math.round(count / seconds) };
  } catch (error) {
    throw new Error(`${step}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await client.close();
  }
};

module.exports = { scrape, untilProjectionsCaughtUp, storeHead, storeCount, measureRelay, producerBaseline, measureProjections, measureRebuild, upsertBaseline, parseJsonLine };
