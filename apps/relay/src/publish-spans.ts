import { SpanKind } from '@opentelemetry/api';
import type { Span } from '@opentelemetry/api';
import type { OutgoingMessage } from '@meridian/platform/kafka';
import { failSpan, startSpan, traceparentOf } from '@meridian/platform/telemetry';

export type TracedBatch = Readonly<{
  /** The batch with each traced message's `traceparent` header naming its publish span. */
  messages: readonly OutgoingMessage[];
  /** Ends every publish span, failed when the send failed. */
  end: (error?: unknown) => void;
}>;

/**
 * A producer span per message under the traceparent its event carries (the
 * command's trace), so the trace continues from the append into Kafka and the
 * consumer's span becomes the publish span's child. Every message has one
 * (`toCloudEventHeaders`); an event that was stored without one has an
 * unsampled trace of its own, whose spans a parent-based sampler does not
 * record, so untraced events add no noise. With tracing off the header keeps
 * the event's own traceparent.
 */
export const tracePublishes = (messages: readonly OutgoingMessage[]): TracedBatch => {
  const spans: Span[] = [];
  const traced = messages.map((message) => {
    const parent = message.headers.traceparent;
    if (parent === undefined) return message;
    const span = startSpan({
      name: `publish ${message.topic}`,
      kind: SpanKind.PRODUCER,
      parent,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'send',
        'messaging.destination.name': message.topic,
        'messaging.kafka.message.key': message.key,
        'cloudevents.event_type': message.headers.ce_type ?? '',
        'cloudevents.event_id': message.headers.ce_id ?? '',
      },
    });
    spans.push(span);
    return { ...message, headers: { ...message.headers, traceparent: traceparentOf(span) ?? parent } };
  });
  return {
    messages: traced,
    end: (error) => {
      for (const span of spans) {
        if (error !== undefined) failSpan(span, error);
        span.end();
      }
    },
  };
};
