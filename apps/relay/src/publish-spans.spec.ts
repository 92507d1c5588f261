import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import type { OutgoingMessage } from '@meridian/platform/kafka';
import type { Tracing } from '@meridian/platform/telemetry';
import { startTracing } from '@meridian/platform/telemetry';
import { tracePublishes } from './publish-spans';

const exporter = new InMemorySpanExporter();
const processor = new SimpleSpanProcessor({ exporter });
/** The processor hands spans to the exporter asynchronously: flush before looking. */
const finished = async () => {
  await processor.forceFlush();
  return exporter.getFinishedSpans();
};
let tracing: Tracing;
beforeAll(() => {
  tracing = startTracing({ serviceName: 'relay', spanProcessors: [processor] });
});
afterAll(() => tracing.shutdown());
beforeEach(() => exporter.reset());

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
    const [span] = (await finished());
    expect(span).toMatchObject({ name: 'publish crm.opportunities', kind: SpanKind.PRODUCER });
    expect(span?.spanContext().traceId).toBe(traceId);
    expect(span?.parentSpanContext?.spanId).toBe(requestSpanId);
    expect(batch.messages[0]?.headers.traceparent).toBe(`00-${traceId}-${span?.spanContext().spanId}-01`);
    expect(span?.attributes).toMatchObject({ 'messaging.system': 'kafka', 'messaging.destination.name': 'crm.opportunities', 'cloudevents.event_id': 'e1' });
  });

  it('leaves untraced events alone: no span, no header', async () => {
    const batch = tracePublishes([message('e2')]);
    batch.end();
    expect((await finished())).toHaveLength(0);
    expect(batch.messages[0]?.headers.traceparent).toBeUndefined();
  });

  it('marks every span of a failed send as failed', async () => {
    const batch = tracePublishes([message('e3', `00-${traceId}-${requestSpanId}-01`), message('e4', `00-${traceId}-${requestSpanId}-01`)]);
    batch.end(new Error('broker down'));
    expect((await finished()).map((s) => s.status.code)).toEqual([SpanStatusCode.ERROR, SpanStatusCode.ERROR]);
  });

  it('changes nothing else in the message', async () => {
    const original = message('e5', `00-${traceId}-${requestSpanId}-01`);
    const [sent] = tracePublishes([original]).messages;
    expect({ ...sent, headers: { ...sent?.headers, traceparent: undefined } }).toEqual({ ...original, headers: { ...original.headers, traceparent: undefined } });
  });
});
