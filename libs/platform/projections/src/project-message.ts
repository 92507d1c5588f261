import { SpanKind } from '@opentelemetry/api';
import type { ConsumedEvent, IncomingMessage } from '@meridian/platform/kafka';
import { fromKafkaMessage } from '@meridian/platform/kafka';
import { failSpan, startSpan, traced, traceparentOf, withLogContext } from '@meridian/platform/telemetry';
import { ProjectionFailed } from './apply-event';
import type { ReadModelBinding } from './read-model-binding';

export type DeadLetterCause = 'malformed' | 'projection-failed';

/** Where poison messages go (`<topic>.dlq`); resolves only once the dead letter is durable. */
export type DeadLetterSink = Readonly<{
  send: (topic: string, message: IncomingMessage, cause: DeadLetterCause, error: string) => Promise<void>;
}>;

export type MessageOutcome = 'applied' | 'already-applied' | 'ignored' | 'dead-lettered';

export type ProjectMessageDeps = Readonly<{
  /** A read model or a process manager bound to its storage. */
  binding: Pick<ReadModelBinding, 'apply'>;
  deadLetters: DeadLetterSink;
  /** The consumer group (one per read-model generation or process manager), named in spans. */
  consumer?: string;
}>;

/** `occurredAt` (ISO 8601) when the message could be decoded: projection lag in seconds is measured from it. */
export type ProjectedMessage = Readonly<{ outcome: MessageOutcome; globalPosition: number; occurredAt?: string }>;

/** The lane of a Kafka partition: its sequence is the offset. */
export const partitionLaneOf = (topic: string, partition: number): string => `${topic}#${partition}`;

/**
 * One message, start to finish, before its offset may be committed. A message
 * that cannot be decoded, or that the projection throws on, is dead-lettered
 * and counts as done, so it never blocks its partition. Store and broker
 * errors are not the message's fault: they propagate, the offset stays
 * uncommitted and the message is delivered again.
 */
export const projectMessage = async (
  deps: ProjectMessageDeps,
  topic: string,
  partition: number,
  message: IncomingMessage,
): Promise<ProjectedMessage> => {
  const decoded = fromKafkaMessage(topic, partition, message);
  if (!decoded.ok) {
    await deps.deadLetters.send(topic, message, 'malformed', decoded.error.message);
    return { outcome: 'dead-lettered', globalPosition: 0 };
  }
  const { event } = decoded;
  const lane = { id: partitionLaneOf(topic, partition), sequence: Number(message.offset) };
  const project = async (consumed: ConsumedEvent = event): Promise<ProjectedMessage> => {
    try {
      return { outcome: await deps.binding.apply(consumed, lane), globalPosition: event.globalPosition, occurredAt: event.occurredAt };
    } catch (error) {
      if (!(error instanceof ProjectionFailed)) throw error;
      await deps.deadLetters.send(topic, message, 'projection-failed', error.message);
      return { outcome: 'dead-lettered', globalPosition: event.globalPosition, occurredAt: event.occurredAt };
    }
  };
  const logContext = { correlationId: event.correlationId, tenantId: event.tenantId };
  // Only events that are part of a trace get a span: a root span per untraced event would be noise.
  if (event.traceparent === undefined) return withLogContext(logContext, project);
  return traced(
    {
      name: `process ${topic}`,
      kind: SpanKind.CONSUMER,
      parent: event.traceparent,
      attributes: consumerSpanAttributes(deps, topic, partition, event),
    },
    (span) =>
      withLogContext({ ...logContext, traceId: span.spanContext().traceId, spanId: span.spanContext().spanId }, async () => {
        // A process manager stamps the event's traceparent into the command it sends: make that this span,
        // so its append (and what follows) nests under the reaction rather than beside it.
        const projected = await project({ ...event, traceparent: traceparentOf(span) ?? event.traceparent });
        span.setAttribute('meridian.outcome', projected.outcome);
        return projected;
      }),
  );
};

const consumerSpanAttributes = (deps: ProjectMessageDeps, topic: string, partition: number, event: ConsumedEvent) => ({
  'messaging.system': 'kafka',
  'messaging.operation.type': 'process',
  'messaging.destination.name': topic,
  'messaging.destination.partition.id': String(partition),
  ...(deps.consumer ? { 'messaging.consumer.group.name': deps.consumer } : {}),
  'messaging.kafka.offset': Number(event.offset),
  'cloudevents.event_type': event.type,
  'cloudevents.event_id': event.eventId,
});

/**
 * Several messages of one partition, in order, for a read model that applies
 * batches (`binding.applyBatch`): undecodable ones are dead-lettered, the rest
 * applied together. If the projection rejects one of them, the batch is
 * applied again message by message, so only that one is dead-lettered. As for
 * one message, store and broker errors propagate and nothing is resolved.
 * Traced events each get their consumer span, covering the batch's work.
 */
export const projectMessages = async (
  deps: ProjectMessageDeps & Readonly<{ binding: Required<Pick<ReadModelBinding, 'applyBatch'>> }>,
  topic: string,
  partition: number,
  messages: readonly IncomingMessage[],
): Promise<ProjectedMessage[]> => {
  const results: (ProjectedMessage | undefined)[] = [];
  const decoded: { index: number; message: IncomingMessage; event: ConsumedEvent }[] = [];
  for (const [index, message] of messages.entries()) {
    const one = fromKafkaMessage(topic, partition, message);
    if (one.ok) {
      decoded.push({ index, message, event: one.event });
      results.push(undefined);
    } else {
      await deps.deadLetters.send(topic, message, 'malformed', one.error.message);
      results.push({ outcome: 'dead-lettered', globalPosition: 0 });
    }
  }
  const spans = decoded.map(({ event }) =>
    event.traceparent === undefined ? undefined : startSpan({ name: `process ${topic}`, kind: SpanKind.CONSUMER, parent: event.traceparent, attributes: consumerSpanAttributes(deps, topic, partition, event) }));
  try {
    let outcomes: readonly ProjectedMessage[];
    try {
      const applied = await deps.binding.applyBatch(partitionLaneOf(topic, partition), decoded.map(({ event, message }) => ({ event, sequence: Number(message.offset) })));
      outcomes = applied.map((outcome, i) => ({ outcome, globalPosition: decoded[i]!.event.globalPosition, occurredAt: decoded[i]!.event.occurredAt }));
    } catch (error) {
      if (!(error instanceof ProjectionFailed)) throw error;
      outcomes = [];
      for (const { message } of decoded) outcomes = [...outcomes, await projectMessage(deps, topic, partition, message)];
    }
    decoded.forEach(({ index }, i) => {
      results[index] = outcomes[i];
      spans[i]?.setAttribute('meridian.outcome', outcomes[i]!.outcome);
    });
    for (const span of spans) span?.end();
  } catch (error) {
    for (const span of spans) {
      if (span === undefined) continue;
      failSpan(span, error);
      span.end();
    }
    throw error;
  }
  return results.map((result) => result!);
};
