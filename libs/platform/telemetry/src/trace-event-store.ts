import { SpanKind } from '@opentelemetry/api';
import type { AppendResult, EventStore, ExpectedRevision, NewEvent } from '@meridian/platform/eventsourcing';
import { categoryOf, withAppend } from '@meridian/platform/eventsourcing';
import { traced, traceparentOf } from './tracing';

/**
 * Every event is stored with a W3C traceparent. Those of a request or of a
 * reaction to a message already carry one; an event appended with no trace
 * context at all (a timer's work, such as the segment sweep, or a script)
 * gets the append span's: the append is the root of its own trace, and with
 * tracing off that trace is unsampled, so it costs no spans downstream.
 */
const withTraceparents = (events: readonly NewEvent[], traceparent: string | undefined): readonly NewEvent[] =>
  traceparent === undefined || events.every((event) => event.metadata.traceparent !== undefined)
    ? events
    : events.map((event) => (event.metadata.traceparent !== undefined ? event : { ...event, metadata: { ...event.metadata, traceparent } }));

/**
 * Decorates an event store at the port with a span per append, a child of
 * the traceparent the command stamped into its events (the HTTP request's
 * span, or the event a process manager reacted to), and stamps the events
 * that have none. Only appends are traced: they are the step of a command's
 * trace that can be slow or conflict; reads are the command handler's own
 * business and pass through unchanged.
 */
export const traceEventStore = (store: EventStore): EventStore => {
  const appendToStream = (streamId: string, events: readonly NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> => {
    const parent = events[0]?.metadata.traceparent;
    return traced(
      {
        name: `append ${categoryOf(streamId)}`,
        kind: SpanKind.CLIENT,
        ...(parent ? { parent } : {}),
        attributes: { 'db.operation.name': 'append', 'meridian.stream.category': categoryOf(streamId), 'meridian.events': events.length },
      },
      async (span) => {
        const result = await store.appendToStream(streamId, withTraceparents(events, traceparentOf(span)), expectedRevision);
        span.setAttributes({ 'meridian.append.replayed': result.replayed, 'meridian.stream.revision': result.nextExpectedRevision });
        return result;
      },
    );
  };
  return withAppend(store, appendToStream);
};
