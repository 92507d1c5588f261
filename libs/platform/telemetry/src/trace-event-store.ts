import { SpanKind } from '@opentelemetry/api';
import type { AppendResult, EventStore, ExpectedRevision, NewEvent } from '@meridian/platform/eventsourcing';
import { categoryOf, withAppend } from '@meridian/platform/eventsourcing';
import { traced } from './tracing';

/**
 * Decorates an event store at the port with a span per append, a child of
 * the traceparent the command stamped into its events (the HTTP request's
 * span, or the event a process manager reacted to). Only appends are traced:
 * they are the step of a command's trace that can be slow or conflict; reads
 * are the command handler's own business. Everything passes through unchanged.
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
        const result = await store.appendToStream(streamId, events, expectedRevision);
        span.setAttributes({ 'meridian.append.replayed': result.replayed, 'meridian.stream.revision': result.nextExpectedRevision });
        return result;
      },
    );
  };
  return withAppend(store, appendToStream);
};
