import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { OutgoingMessage } from '@meridian/platform/kafka';
import type { SpanCollector } from '@meridian/platform/telemetry/testing';
import { collectSpans } from '@meridian/platform/telemetry/testing';
import { tracePublishes } from './publish-spans';

let spans: SpanCollector;
beforeAll(() => {
  spans = collectSpans();
});
afterAll(() => spans.shutdown());
beforeEach(() => spans.reset());

const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
const requestSpanId = '00f067aa0ba902b7';
const message = (id: string, traceparent?: string): OutgoingMessage => ({
  topic: 'crm.opportunities',
  key: `opportunity-${id}`,
  value: '{}',
  headers: { ce_id: id, ce_type: 'crm.opportunities.OpportunityOpened.v1', ...(traceparent ? { traceparent } : {}) },
});

describe('publish spans', () => {
  it('gives each traced event a producer span under its stored traceparent, and puts that span in the Kafka header', async () => {
    const batch = tracePublishes([message('e1', `00-${traceId}-${requestSpanId}-01`)]);
    batch.end();
    const [span] = (await spans.finished());
    expect(span).toMatchObject({ name: 'publish crm.opportunities', kind: SpanKind.PRODUCER });
    expect(span?.spanContext().traceId).toBe(traceId);
    expect(span?.parentSpanContext?.spanId).toBe(requestSpanId);
    expect(batch.messages[0]?.headers.traceparent).toBe(`00-${traceId}-${span?.spanContext().spanId}-01`);
    expect(span?.attributes).toMatchObject({ 'messaging.system': 'kafka', 'messaging.destination.name': 'crm.opportunities', 'cloudevents.event_id': 'e1' });
  });

  it('records nothing for an unsampled trace (an event stored without one), yet passes its ids on in the header', async () => {
    const batch = tracePublishes([message('e6', `00-${traceId}-${requestSpanId}-00`)]);
    batch.end();
    expect((await spans.finished())).toHaveLength(0);
    expect(batch.messages[0]?.headers.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-00$`));
  });

  it('leaves a message without a traceparent alone (toCloudEventHeaders always writes one): no span, no header', async () => {
    const batch = tracePublishes([message('e2')]);
    batch.end();
    expect((await spans.finished())).toHaveLength(0);
    expect(batch.messages[0]?.headers.traceparent).toBeUndefined();
  });

  it('marks every span of a failed send as failed', async () => {
    const batch = tracePublishes([message('e3', `00-${traceId}-${requestSpanId}-01`), message('e4', `00-${traceId}-${requestSpanId}-01`)]);
    batch.end(new Error('broker down'));
    expect((await spans.finished()).map((s) => s.status.code)).toEqual([SpanStatusCode.ERROR, SpanStatusCode.ERROR]);
  });

  it('changes nothing else in the message', async () => {
    const original = message('e5', `00-${traceId}-${requestSpanId}-01`);
    const [sent] = tracePublishes([original]).messages;
    expect({ ...sent, headers: { ...sent?.headers, traceparent: undefined } }).toEqual({ ...original, headers: { ...original.headers, traceparent: undefined } });
  });
});
