import type { NodeProcess } from '@meridian/platform/testing';
import { pollUntil, send } from '@meridian/platform/testing';
import type { OtlpReceiver, ReceivedSpan } from './testing/otlp-receiver';
import { startOtlpReceiver } from './testing/otlp-receiver';
import type { Pipeline } from './testing/pipeline-fixture';
import { startPipeline } from './testing/pipeline-fixture';

// OTLP SpanKind values as exported.
const SERVER = 2;
const CLIENT = 3;
const PRODUCER = 4;
const CONSUMER = 5;

let receiver: OtlpReceiver;
let pipeline: Pipeline;
let relay: NodeProcess;
let projections: NodeProcess;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  // Every process exports to the receiver in this test process; short batches so spans arrive while the test waits.
  pipeline = await startPipeline('tracing', { env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '200' } });
  relay = await pipeline.startRelay();
  projections = await pipeline.startProjections();
  // Hosts the won-opportunity process manager: a reaction in another service, same trace.
  await pipeline.startService('orders-service');
}, 10 * 60_000);

afterAll(async () => {
  await pipeline?.close();
  await receiver?.close();
});

const callerTraceId = '0af7651916cd43dd8448eb211c80319c';
const callerSpanId = 'b7ad6b7169203331';
const wonTraceId = '1af7651916cd43dd8448eb211c80319d';

const one = (spans: readonly ReceivedSpan[], description: string, match: (span: ReceivedSpan) => boolean): ReceivedSpan => {
  const found = spans.filter(match);
  if (found.length !== 1) throw new Error(`expected one ${description}, found ${found.length}: ${JSON.stringify(spans.map((s) => `${s.service} ${s.name}`))}`);
  return found[0]!;
};

describe('one trace from the HTTP request to every read model, across three processes', () => {
  it('HTTP → append → relay publish → projection, each span the child of the one before, exported over OTLP', async () => {
    const response = await send(pipeline.apiUrl, 'POST', '/api/v1/opportunities', {
      headers: { 'x-tenant-id': `trace-${pipeline.run}`, 'x-user-id': 'e2e', 'x-correlation-id': `corr-${pipeline.run}`, traceparent: `00-${callerTraceId}-${callerSpanId}-01` },
      body: {
        customerId: 'cus-1', name: 'Traced deal', ownerId: 'ana', amount: { amount: 1000, currency: 'EUR' },
        expectedCloseDate: '2027-03-31', sourceChannel: 'web', productLine: 'crm', region: 'emea',
      },
    });
    expect(response.status).toBe(201);

    const consumed = (spans: readonly ReceivedSpan[], readModel: string) =>
      spans.some((s) => s.kind === CONSUMER && String(s.attributes['messaging.consumer.group.name']).includes(readModel));
    const trace = await pollUntil(() => Promise.resolve(receiver.spans().filter((s) => s.traceId === callerTraceId)), {
      timeoutMs: 3 * 60_000,
      until: (spans) => consumed(spans, 'opportunity-list') && consumed(spans, 'sales-funnel'),
      description: 'the projections to export their spans of this trace',
    });

    const request = one(trace, 'server span', (s) => s.kind === SERVER);
    expect(request).toMatchObject({ service: 'opportunities-service', name: 'POST /api/v1/opportunities', parentSpanId: callerSpanId });
    expect(request.attributes['http.response.status_code']).toBe(201);

    const append = one(trace, 'append span', (s) => s.kind === CLIENT);
    expect(append).toMatchObject({ service: 'opportunities-service', name: 'append opportunity', parentSpanId: request.spanId });

    const publish = one(trace, 'publish span', (s) => s.kind === PRODUCER);
    expect(publish).toMatchObject({ service: 'relay', name: `publish ${pipeline.topic}`, parentSpanId: request.spanId });
    expect(publish.attributes['messaging.destination.name']).toBe(pipeline.topic);

    for (const readModel of ['opportunity-list', 'sales-funnel']) {
      const projection = one(trace, `${readModel} span`, (s) => s.kind === CONSUMER && String(s.attributes['messaging.consumer.group.name']).includes(readModel));
      // The relay put its own span in the Kafka header: the projection is the publish's child.
      expect(projection).toMatchObject({ service: 'projections', name: `process ${pipeline.topic}`, parentSpanId: publish.spanId });
      expect(projection.attributes['meridian.outcome']).toBe('applied');
    }
  }, 10 * 60_000);

  it('continues through a process manager: a won deal drafts its order in the orders service, in the same trace', async () => {
    const tenant = `trace-${pipeline.run}`;
    const headers = { 'x-tenant-id': tenant, 'x-user-id': 'e2e', traceparent: `00-${wonTraceId}-${callerSpanId}-01` };
    const opened = await send(pipeline.apiUrl, 'POST', '/api/v1/opportunities', {
      headers,
      body: {
        customerId: 'cus-2', name: 'Won deal', ownerId: 'ana', amount: { amount: 500, currency: 'EUR' },
        expectedCloseDate: '2027-03-31', sourceChannel: 'web', productLine: 'crm', region: 'emea',
      },
    });
    const { opportunityId } = opened.body as { opportunityId: string };
    const won = await send(pipeline.apiUrl, 'POST', `/api/v1/opportunities/${opportunityId}/change-stage`, { headers, body: { toStage: 'won', finalAmount: { amount: 500, currency: 'EUR' } } });
    expect(won.status).toBe(200);

    const trace = await pollUntil(() => Promise.resolve(receiver.spans().filter((s) => s.traceId === wonTraceId)), {
      timeoutMs: 3 * 60_000,
      until: (spans) => spans.some((s) => s.service === 'orders-service' && s.kind === CLIENT),
      description: "the orders service's append of the drafted order in this trace",
    });
    const draft = one(trace, 'order append', (s) => s.service === 'orders-service' && s.kind === CLIENT);
    expect(draft.name).toBe('append order');
    // Its parent is the orders service's reaction to the won event, itself a child of the relay's publish of that event.
    const reaction = trace.find((s) => s.spanId === draft.parentSpanId);
    expect(reaction).toMatchObject({ service: 'orders-service', kind: CONSUMER, name: `process ${pipeline.topic}` });
    expect(String(reaction?.attributes['messaging.consumer.group.name'])).toContain('pm.won-opportunity-drafts');
    const publish = trace.find((s) => s.spanId === reaction?.parentSpanId);
    expect(publish).toMatchObject({ service: 'relay', kind: PRODUCER });
  }, 10 * 60_000);

  it("logs the request's completion as JSON with its correlation id, tenant and trace id", async () => {
    const service = pipeline.apiProcess;
    const line = service
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.message === 'request completed' && l.route === '/api/v1/opportunities');
    expect(line).toMatchObject({
      level: 'info', service: 'opportunities-service', method: 'POST', status: 201,
      correlationId: `corr-${pipeline.run}`, tenantId: `trace-${pipeline.run}`, traceId: callerTraceId,
    });
  });

  it('the relay and projections log as JSON lines too, with the service named', () => {
    for (const [worker, service] of [[relay, 'relay'], [projections, 'projections']] as const) {
      const started = worker.output().split('\n').find((l) => l.includes('"tracing: spans exported over OTLP/HTTP"'));
      expect(started && JSON.parse(started)).toMatchObject({ level: 'info', service, endpoint: receiver.url });
    }
  });
});
