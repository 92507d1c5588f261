import type { EventStore, RecordedEvent } from '@meridian/platform/eventsourcing';
import { openEventStore } from '@meridian/platform/eventstore';
import type { NodeProcess } from '@meridian/platform/testing';
import { pollUntil } from '@meridian/platform/testing';
import { Kafka, logLevel } from 'kafkajs';
import type { DealCommands, Sent } from './testing/deal-commands';
import { dealCommands } from './testing/deal-commands';
import type { Pipeline } from './testing/pipeline-fixture';
import { startPipeline } from './testing/pipeline-fixture';
import type { TopicMessage } from './testing/topic-messages';
import { readTopic } from './testing/topic-messages';

let pipeline: Pipeline;
let store: EventStore;
let acme: DealCommands;
const ids: Record<string, string> = {};
let last: Sent;
let projections: NodeProcess;

/** Every command goes through HTTP; `last` keeps the latest position for read-your-writes. */
const remember = (label: string) => (sent: Sent) => {
  ids[label] ??= sent.opportunityId;
  if (last === undefined || sent.position > last.position) last = sent;
  return sent;
};

beforeAll(async () => {
  pipeline = await startPipeline('pipeline');
  store = await openEventStore(pipeline.database.url);
  await pipeline.startRelay();
  projections = await pipeline.startProjections();
  acme = dealCommands(pipeline.apiUrl, `acme-${pipeline.run}`);
  const open = async (label: string, terms: Parameters<DealCommands['open']>[0]) => remember(label)(await acme.open(terms, label));
  const step = async (label: string, command: (id: string) => Promise<Sent>) => remember(label)(await command(ids[label]));

  await open('d1', { ownerId: 'ana', region: 'emea', productLine: 'crm', sourceChannel: 'web', amount: 1000 });
  for (const stage of ['qualified', 'proposal', 'negotiation']) await step('d1', (id) => acme.moveTo(id, stage));
  await step('d1', (id) => acme.win(id, 1200));
  await open('d2', { ownerId: 'ana', region: 'emea', productLine: 'crm', sourceChannel: 'webinar', amount: 2000 });
  for (const stage of ['qualified', 'proposal']) await step('d2', (id) => acme.moveTo(id, stage));
  await step('d2', (id) => acme.lose(id));
  await open('d3', { ownerId: 'bo', region: 'apac', productLine: 'analytics', sourceChannel: 'web', amount: 500, currency: 'USD', expectedCloseDate: '2027-01-15' });
  await step('d3', (id) => acme.moveTo(id, 'qualified'));
  await open('d4', { ownerId: 'bo', region: 'emea', productLine: 'analytics', sourceChannel: 'referral', amount: 800 });
  await step('d4', (id) => acme.lose(id));
  await open('d5', { ownerId: 'ana', region: 'apac', productLine: 'crm', sourceChannel: 'web', amount: 300, expectedCloseDate: '2027-02-01' });
  await open('d6', { ownerId: 'cy', region: 'emea', productLine: 'crm', sourceChannel: 'web', amount: 700 });
  for (const stage of ['qualified', 'proposal', 'negotiation']) await step('d6', (id) => acme.moveTo(id, stage));
  await step('d6', (id) => acme.revise(id, 750));
  await step('d6', (id) => acme.reassign(id, 'ana'));
  // Another tenant's deal must never show up in acme's answers.
  const other = dealCommands(pipeline.apiUrl, `globex-${pipeline.run}`);
  remember('g1')(await other.open({ ownerId: 'ana', region: 'emea', productLine: 'crm', sourceChannel: 'web', amount: 99_000 }, 'g1'));
}, 10 * 60_000);

afterAll(async () => {
  await store?.close();
  await pipeline?.close();
});

describe('HTTP → PostgreSQL → relay → Kafka → projections → FerretDB → HTTP', () => {
  it('publishes every appended event to the topic, keyed by stream, with the CloudEvents headers', async () => {
    const appended: readonly RecordedEvent[] = await store.readAll({ after: 0, maxCount: 1_000 });
    const topic = await readTopic(pipeline.brokers, pipeline.topic);
    let messages: TopicMessage[];
    try {
      messages = await pollUntil(topic.messages, { timeoutMs: 3 * 60_000, until: (m) => m.length >= appended.length, description: `${appended.length} messages` });
    } finally {
      await topic.close();
    }
    expect(appended).toHaveLength(21);
    const byId = new Map(messages.map((m) => [m.headers.ce_id, m]));
    for (const event of appended) {
      const message = byId.get(event.eventId);
      expect(message).toBeDefined();
      expect(message?.key).toBe(event.streamId);
      expect(message?.headers).toMatchObject({
        ce_specversion: '1.0', ce_type: `crm.opportunities.${event.type}.v1`, ce_subject: event.streamId, ce_source: '/meridian/opportunities',
        ce_tenantid: event.metadata.tenantId, ce_streamrevision: String(event.revision), ce_globalposition: String(event.globalPosition),
        ce_correlationid: event.metadata.correlationId, 'content-type': 'application/json',
      });
      expect(message?.value).toEqual(event.data);
    }
    // One stream, one partition, in revision order.
    for (const streamId of new Set(appended.map((e) => e.streamId))) {
      const ofStream = messages.filter((m) => m.key === streamId);
      expect(new Set(ofStream.map((m) => m.partition)).size).toBe(1);
      expect(ofStream.map((m) => Number(m.headers.ce_streamrevision))).toEqual(ofStream.map((_, i) => i));
    }
  });

  it('serves the sales funnel with exactly the expected figures (read-your-writes)', async () => {
    const response = await acme.get(`/api/v1/analytics/funnel?minPosition=${last.position}`);
    expect(response.status).toBe(200);
    const funnel = response.body as Record<string, unknown> & { stages: Array<Record<string, unknown>> };
    expect(funnel.opportunities).toBe(6);
    expect(funnel.stages.map((s) => [s.stage, s.count, s.amounts, s.reached, s.conversionToNext, (s.dwell as { samples: number }).samples])).toEqual([
      ['lead', 1, [{ currency: 'EUR', amount: 300 }], 6, 0.6667, 5],
      ['qualified', 1, [{ currency: 'USD', amount: 500 }], 4, 0.75, 3],
      ['proposal', 0, [], 3, 0.6667, 3],
      ['negotiation', 1, [{ currency: 'EUR', amount: 750 }], 2, 0.5, 1],
    ]);
    expect(funnel.won).toEqual({ count: 1, amounts: [{ currency: 'EUR', amount: 1200 }] });
    expect(funnel.lost).toEqual({ count: 2, amounts: [{ currency: 'EUR', amount: 2800 }] });
    expect(funnel.biggestDropOff).toEqual({ fromStage: 'negotiation', toStep: 'won', dropped: 1, rate: 0.5 });
  });

  it('splits the funnel by owner (after a reassignment), region, product line and source channel', async () => {
    const figures = async (query: string) => {
      const body = (await acme.get(`/api/v1/analytics/funnel?${query}`)).body as { opportunities: number; won: { count: number }; lost: { count: number } };
      return [body.opportunities, body.won.count, body.lost.count];
    };
    expect(await figures('ownerId=ana')).toEqual([4, 1, 1]);
    expect(await figures('ownerId=cy')).toEqual([0, 0, 0]);
    expect(await figures('region=apac')).toEqual([2, 0, 0]);
    expect(await figures('productLine=analytics')).toEqual([2, 0, 1]);
    expect(await figures('sourceChannel=web')).toEqual([4, 1, 0]);
    const month = new Date().toISOString().slice(0, 7);
    expect(await figures(`from=${month}&to=${month}`)).toEqual([6, 1, 2]);
    expect(await figures('to=2000-01')).toEqual([0, 0, 0]);
  });

  it('lists opportunities with filters, sorting and paging', async () => {
    const labels = async (query: string) => {
      const response = await acme.get(`/api/v1/opportunities?${query}`);
      expect(response.status).toBe(200);
      const byId = Object.fromEntries(Object.entries(ids).map(([label, id]) => [id, label]));
      return (response.body as { items: Array<{ opportunityId: string }> }).items.map((item) => byId[item.opportunityId]);
    };
    expect((await labels('sortBy=openedAt')).sort()).toEqual(['d1', 'd2', 'd3', 'd4', 'd5', 'd6']);
    expect(await labels('ownerId=bo&sortBy=openedAt')).toEqual(['d3', 'd4']);
    expect(await labels('stage=won')).toEqual(['d1']);
    expect(await labels('region=apac')).toEqual(['d3', 'd5']);
    expect(await labels('sortBy=amount&direction=desc&limit=2')).toEqual(['d2', 'd1']);
    expect(await labels('closeDateFrom=2027-01-01&closeDateTo=2027-01-31')).toEqual(['d3']);
    const page = (await acme.get('/api/v1/opportunities?sortBy=amount&limit=4&offset=4')).body as { hasMore: boolean; items: unknown[] };
    expect([page.items.length, page.hasMore]).toEqual([2, false]);
  });

  it('answers bad queries with 400 problem+json naming the parameter', async () => {
    const response = await acme.get('/api/v1/analytics/funnel?ownerId=ana&region=emea&from=2026-13');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect((response.body as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toEqual(['query:from', 'query:region']);
    const list = await acme.get('/api/v1/opportunities?stage=closed&limit=0', { 'x-min-position': 'soon' });
    expect(list.status).toBe(400);
    expect((list.body as { errors: Array<{ field: string }> }).errors.map((e) => e.field).sort()).toEqual(['header:X-Min-Position']);
  });

  it('stops gracefully on SIGTERM: exit 0, every consumed offset committed', async () => {
    expect(await projections.kill('SIGTERM')).toBe(0);
    expect(projections.output()).toContain('"projection stopped"');
    const admin = new Kafka({ brokers: pipeline.brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const ends = await admin.fetchTopicOffsets(pipeline.topic);
      for (const readModel of ['opportunity-list', 'sales-funnel']) {
        const [committed] = await admin.fetchOffsets({ groupId: `${pipeline.topic.replace('crm.opportunities', '')}${readModel}.g1`, topics: [pipeline.topic] });
        const offsetOf = (partition: number) => committed.partitions.find((p) => p.partition === partition)?.offset;
        expect(ends.filter((e) => e.high !== '0').map((e) => [readModel, e.partition, offsetOf(e.partition)])).toEqual(
          ends.filter((e) => e.high !== '0').map((e) => [readModel, e.partition, e.high]),
        );
      }
    } finally {
      await admin.disconnect();
    }
  });
});
