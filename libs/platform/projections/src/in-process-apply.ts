import { SpanKind } from '@opentelemetry/api';
import type { ConsumedEvent, StructuredLog } from '@meridian/platform/kafka';
import { traced, withLogContext } from '@meridian/platform/telemetry';
import { ProjectionFailed } from './apply-event';
import type { ReadModelBinding } from './read-model-binding';
import { storeLane } from './store-feed';

const skipped = (log: StructuredLog, binding: ReadModelBinding, event: ConsumedEvent, error: ProjectionFailed) =>
  log('warn', 'projection failed: event skipped', { readModel: binding.readModel, eventId: event.eventId, error: error.message });

/**
 * One event into one binding, inside the trace its command started (when it
 * has a traceparent) and with its correlation in the log context: what a
 * process manager's reaction, and the command it sends, are part of.
 */
const applyOne = async (binding: ReadModelBinding, event: ConsumedEvent, log: StructuredLog): Promise<void> => {
  const apply = async () => {
    try {
      await binding.apply(event, { id: storeLane, sequence: event.globalPosition });
    } catch (error) {
      if (!(error instanceof ProjectionFailed)) throw error;
      skipped(log, binding, event, error);
    }
  };
  const logContext = { correlationId: event.correlationId, tenantId: event.tenantId };
  if (event.traceparent === undefined) return withLogContext(logContext, apply);
  await traced(
    {
      name: 'process in-process feed',
      kind: SpanKind.CONSUMER,
      parent: event.traceparent,
      attributes: { 'messaging.operation.type': 'process', 'cloudevents.event_type': event.type, 'cloudevents.event_id': event.eventId, 'meridian.read_model': binding.readModel },
    },
    (span) => withLogContext({ ...logContext, traceId: span.spanContext().traceId, spanId: span.spanContext().spanId }, apply),
  );
};

/**
 * A page of the store feed into one binding: read models take it as one
 * batch (applyEvents: a few store calls for the whole page); if their own
 * code rejects an event, the page goes again event by event so only that one
 * is skipped, as a dead letter would be. Process managers react one event at
 * a time.
 */
export const applyPage = async (binding: ReadModelBinding, events: readonly ConsumedEvent[], log: StructuredLog): Promise<void> => {
  if (events.length === 0) return;
  if (binding.applyBatch !== undefined) {
    try {
      await binding.applyBatch(storeLane, events.map((event) => ({ event, sequence: event.globalPosition })));
      return;
    } catch (error) {
      if (!(error instanceof ProjectionFailed)) throw error;
    }
  }
  for (const event of events) await applyOne(binding, event, log);
};
