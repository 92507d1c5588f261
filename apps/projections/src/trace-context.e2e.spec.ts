import { randomBytes } from 'node:crypto';
import type { EventStore, RecordedEvent } from '@meridian/platform/eventsourcing';
import { openEventStore } from '@meridian/platform/eventstore';
import { w3cTraceparentPattern } from '@meridian/platform/kafka';
import { pollUntil, send } from '@meridian/platform/testing';
import type { Pipeline } from './testing/pipeline-fixture';
import { startPipeline } from './testing/pipeline-fixture';
import type { TopicMessage } from './testing/topic-messages';
import { readTopic } from './testing/topic-messages';

/**
 * No OTEL_EXPORTER_OTLP_ENDPOINT anywhere (the fixture passes none): tracing
 * is off in the service, the relay and the orders service. Still every event
 * and every Kafka message must carry a valid traceparent, and its trace id
 * must be the command's: the caller's when it sent one, else the one the
 * service started for the request (its access line names it).
 */
let pipeline: Pipeline;
let store: EventStore;
const tenant = `ctx-${randomBytes(3).toString('hex')}`;
const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const callerTraceparents = new Map(Array.from({ length: 3 }, (_, i) => [`with-${i}`, `00-${hex(16)}-${hex(8)}-01`]));
const untracedCorrelations = Array.from({ length: 3 }, (_, i) => `without-${i}`);
const wonCorrelation = 'won-0';

const command = async (path: string, body: unknown, correlationId: string): Promise<{ opportunityId: string }> => {
  const traceparent = callerTraceparents.get(correlationId);
  const response = await send(pipeline.apiUrl, 'POST', path, {
    headers: { 'x-tenant-id': tenant, 'x-user-id': 'e2e', 'x-correlation-id': correlationId, ...(traceparent ? { traceparent } : {}) },
    body,
  });
  if (response.status >= 300) throw new Error(`${path}: ${response.status} ${response.text}`);
  return response.body as { opportunityId: string };
};

const openDeal = (correlationId: string) =>
  command('/api/v1/opportunities', {
    customerId: 'cus-1', name: `Deal ${correlationId}`, ownerId: 'ana', amount: { amount: 900, currency: 'EUR' },
    expectedCloseDate: '2027-03-31', sourceChannel: 'web', productLine: 'crm', region: 'emea',
  }, correlationId);

/** The trace id the opportunities service logged for each request (`request completed`), by correlation id. */
const loggedTraceIds = (): Map<string, string[]> => {
  const byCorrelation = new Map<string, string[]>();
  for (const line of pipeline.apiProcess.output().split('\n').filter((l) => l.startsWith('{'))) {
    const entry = JSON.parse(line) as { message?: string; correlationId?: string; traceId?: string };
    if (entry.message !== 'request completed' || entry.correlationId === undefined || entry.traceId === undefined) continue;
    byCorrelation.set(entry.correlationId, [...(byCorrelation.get(entry.correlationId) ?? []), entry.traceId]);
  }
  return byCorrelation;
};

const traceIdOf = (traceparent: string | undefined): string | undefined => traceparent?.split('-')[1];

let events: readonly RecordedEvent[];
let messages: readonly TopicMessage[];

beforeAll(async () => {
  pipeline = await startPipeline('trace-context');
  store = await openEventStore(pipeline.database.url);
  await pipeline.startRelay();
  // Hosts the won-opportunity drafts process manager: the consumer path that appends.
  await pipeline.startService('orders-service');

  for (const correlationId of callerTraceparents.keys()) {
    const { opportunityId } = await openDeal(correlationId);
    await command(`/api/v1/opportunities/${opportunityId}/change-stage`, { toStage: 'qualified' }, correlationId);
  }
  for (const correlationId of untracedCorrelations) await openDeal(correlationId);
  const { opportunityId } = await openDeal(wonCorrelation);
  await command(`/api/v1/opportunities/${opportunityId}/change-stage`, { toStage: 'won', finalAmount: { amount: 900, currency: 'EUR' } }, wonCorrelation);

  // The drafted order is appended by the orders service after it consumed the win: wait for it in the store.
  events = await pollUntil(() => store.readAll({ after: 0, maxCount: 1_000 }), {
    timeoutMs: 3 * 60_000, intervalMs: 200,
    until: (stored) => stored.some((event) => event.streamId.startsWith('order-')),
    description: 'the order drafted from the won deal',
  });
  const topics = await Promise.all(['crm.opportunities', 'crm.orders'].map((topic) => readTopic(pipeline.brokers, pipeline.topic.replace('crm.opportunities', topic))));
  try {
    messages = await pollUntil(() => topics.flatMap((topic) => topic.messages()), {
      timeoutMs: 3 * 60_000, intervalMs: 200,
      until: (read) => events.every((event) => read.some((message) => message.headers.ce_id === event.eventId)),
      description: `a message for each of the ${events.length} stored events`,
    });
  } finally {
    await Promise.all(topics.map((topic) => topic.close()));
  }
}, 10 * 60_000);

afterAll(async () => {
  await store?.close();
  await pipeline?.close();
});

describe('trace context without an OTLP endpoint', () => {
  it('stores every event with a valid traceparent, and relays it unchanged in every message', () => {
    for (const event of events) {
      expect(event.metadata.traceparent).toMatch(w3cTraceparentPattern);
      const message = messages.find((m) => m.headers.ce_id === event.eventId);
      expect(message?.headers.traceparent).toBe(event.metadata.traceparent);
    }
    for (const message of messages) expect(message.headers.traceparent).toMatch(w3cTraceparentPattern);
  });

  it("keeps the caller's traceparent on the events of its commands", () => {
    for (const [correlationId, traceparent] of callerTraceparents) {
      const own = messages.filter((m) => m.headers.ce_correlationid === correlationId);
      expect(own.map((m) => m.headers.ce_type)).toHaveLength(2);
      for (const message of own) expect(message.headers.traceparent).toBe(traceparent);
      expect(loggedTraceIds().get(correlationId)).toEqual([traceIdOf(traceparent), traceIdOf(traceparent)]);
    }
  });

  it('starts an unsampled trace per request without one: the trace id its access line logged', () => {
    const logged = loggedTraceIds();
    const traceIds = untracedCorrelations.map((correlationId) => {
      const [message, ...others] = messages.filter((m) => m.headers.ce_correlationid === correlationId);
      expect(others).toEqual([]);
      expect(message?.headers.traceparent).toMatch(/-00$/);
      expect(logged.get(correlationId)).toEqual([traceIdOf(message?.headers.traceparent)]);
      return traceIdOf(message?.headers.traceparent);
    });
    expect(new Set(traceIds).size).toBe(untracedCorrelations.length);
  });

  it("puts a process manager's command in the trace of the event it reacted to", () => {
    const [openTrace, winTrace] = loggedTraceIds().get(wonCorrelation) ?? [];
    const won = messages.find((m) => m.headers.ce_type === 'crm.opportunities.OpportunityWon.v1');
    const drafted = messages.filter((m) => m.key.startsWith('order-'));
    expect(traceIdOf(won?.headers.traceparent)).toBe(winTrace);
    expect(winTrace).not.toBe(openTrace);
    expect(drafted.length).toBeGreaterThan(0);
    for (const message of drafted) {
      expect(message.headers.ce_correlationid).toBe(wonCorrelation);
      expect(traceIdOf(message.headers.traceparent)).toBe(winTrace);
    }
  });
});
