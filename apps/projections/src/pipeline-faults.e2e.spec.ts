import mongoose from 'mongoose';
import type { EventStore } from '@meridian/platform/eventsourcing';
import { openEventStore } from '@meridian/platform/eventstore';
import type { FunnelReport } from '@meridian/read-models/sales-funnel';
import { salesFunnelReport } from '@meridian/read-models/sales-funnel';
import { createMongooseGenerations, openMongooseReadModelStorage } from '@meridian/platform/projections';
import type { NodeProcess } from '@meridian/platform/testing';
import { pollUntil } from '@meridian/platform/testing';
import { burstFiguresOf, expectedBurstFigures, sendBurst } from './testing/deal-burst';
import type { DealCommands } from './testing/deal-commands';
import { dealCommands } from './testing/deal-commands';
import type { Pipeline } from './testing/pipeline-fixture';
import { startPipeline } from './testing/pipeline-fixture';
import { readTopic } from './testing/topic-messages';

let pipeline: Pipeline;
let store: EventStore;
let commands: DealCommands;
let tenantId: string;
let relay: NodeProcess;
let projections: NodeProcess;
let connection: mongoose.Connection;
const startedAt = Date.now();
/** Timings in the output, so a slow CI run shows where the time went. */
const mark = (step: string) => process.stdout.write(`[faults] ${step} at ${((Date.now() - startedAt) / 1000).toFixed(1)} s\n`);

/** The funnel once it reflects `position`: a read-your-writes query, retried while the pipeline recovers. */
const funnelAt = async (position: number) => {
  const response = await pollUntil(() => commands.get(`/api/v1/analytics/funnel?minPosition=${position}`), {
    timeoutMs: 3 * 60_000, until: (r) => r.status === 200, description: `the funnel at position ${position}`,
  });
  return response.body as Parameters<typeof burstFiguresOf>[0];
};

const reportOfGeneration = (generation: number): Promise<FunnelReport> =>
  salesFunnelReport(openMongooseReadModelStorage(connection, 'sales-funnel', generation), { tenantId });

beforeAll(async () => {
  pipeline = await startPipeline('faults');
  store = await openEventStore(pipeline.database.url);
  tenantId = `acme-${pipeline.run}`;
  commands = dealCommands(pipeline.apiUrl, tenantId);
  connection = await mongoose.createConnection(pipeline.mongodbUrl, { serverSelectionTimeoutMS: 5_000 }).asPromise();
  relay = await pipeline.startRelay();
  projections = await pipeline.startProjections();
}, 10 * 60_000);

afterAll(async () => {
  await connection?.close().catch(() => undefined);
  await store?.close();
  await pipeline?.close();
});

describe('pipeline faults (real processes, real servers)', () => {
  it('SIGKILL of the projections mid-stream: after a restart the figures equal a full rebuild, nothing counted twice', async () => {
    const burst = sendBurst(commands, 0, 150);
    // Kill it while it is busy: some of the burst applied, most not.
    const applied = await pollUntil(async () => ((await commands.get('/api/v1/analytics/funnel')).body as { opportunities?: number }).opportunities ?? 0, {
      timeoutMs: 3 * 60_000, intervalMs: 5, until: (n) => n >= 15, description: 'the projections under way',
    });
    expect(await projections.kill('SIGKILL')).toBeNull();
    mark(`killed with ${applied} of 150 deals applied`);
    expect(applied).toBeLessThan(150);
    const position = await burst;
    mark('burst sent');
    projections = await pipeline.startProjections();
    expect(burstFiguresOf(await funnelAt(position))).toEqual(expectedBurstFigures(150));

    mark('caught up after the SIGKILL');
    const live = await reportOfGeneration(1);
    const rebuild = await pipeline.rebuild('sales-funnel');
    mark('rebuilt');
    expect(rebuild.code).toBe(0);
    expect(rebuild.output).toMatch(/rebuild sales-funnel g2 from the event store: [\d,]+ \/ [\d,]+ events \(100%\)/);
    expect(rebuild.output).toContain('generation 2 is live (was 1)');
    // Nothing was sent during the rebuild, so the catch-up starts where the topics ended
    // before the replay: no lag at all (it used to re-read all 390 messages and skip them).
    expect(rebuild.output.match(/catching up from Kafka, lag (\d+) messages/)?.[1]).toBe('0');
    expect(await createMongooseGenerations(connection).active('sales-funnel')).toBe(2);
    expect(await reportOfGeneration(2)).toEqual(live);
    // The running instance follows the swap and keeps feeding generation 2.
    await projections.waitForOutput(/following a rebuilt generation/, 5 * 60_000);
    expect(burstFiguresOf(await funnelAt(position))).toEqual(expectedBurstFigures(150));
  }, 10 * 60_000);

  it('FerretDB stopped for a while: the breaker opens, consumption pauses, then catches up with no loss', async () => {
    await pipeline.ferretdb.stop();
    const position = await sendBurst(commands, 150, 180);
    await projections.waitForOutput(/read store unavailable: pausing partition/, 5 * 60_000);
    await projections.waitForOutput(/read-store breaker open/, 5 * 60_000);
    const during = await commands.get('/api/v1/analytics/funnel');
    expect([during.status, (during.body as { code?: string }).code]).toEqual([503, 'read-store-unavailable']);
    expect(during.headers.get('retry-after')).toBe('1');

    await pipeline.ferretdb.start();
    await projections.waitForOutput(/read-store breaker closed/, 5 * 60_000);
    expect(burstFiguresOf(await funnelAt(position))).toEqual(expectedBurstFigures(180));
  }, 10 * 60_000);

  it('relay restarted mid-stream: no event missing from the topic, duplicates harmless downstream', async () => {
    const burst = sendBurst(commands, 180, 260);
    await relay.waitForOutput(/"batch relayed"/, 5 * 60_000, 3);
    expect(await relay.kill('SIGKILL')).toBeNull();
    const position = await burst;
    relay = await pipeline.startRelay();
    expect(burstFiguresOf(await funnelAt(position))).toEqual(expectedBurstFigures(260));

    const appended = await store.readAll({ after: 0, maxCount: 10_000 });
    const topic = await readTopic(pipeline.brokers, pipeline.topic);
    try {
      const messages = await pollUntil(topic.messages, {
        timeoutMs: 3 * 60_000, until: (m) => new Set(m.map((x) => x.headers.ce_id)).size >= appended.length, description: 'every event on the topic',
      });
      const published = new Set(messages.map((m) => m.headers.ce_id));
      expect(appended.filter((e) => !published.has(e.eventId))).toEqual([]);
    } finally {
      await topic.close();
    }
  }, 10 * 60_000);
});
