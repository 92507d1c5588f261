import type { IncomingMessage } from '@meridian/platform/kafka';
import { fromKafkaMessage } from '@meridian/platform/kafka';
import type { ProjectedDocument, Projection, ProjectionStep } from './projection';
import { stepOf } from './projection';
import type { ReadModelStore } from './read-model-store.port';

export type DeadLetterCause = 'malformed' | 'projection-failed';

/** Where poison messages go (`<topic>.dlq`); resolves only once the dead letter is durable. */
export type DeadLetterSink = Readonly<{
  send: (topic: string, message: IncomingMessage, cause: DeadLetterCause, error: string) => Promise<void>;
}>;

export type MessageOutcome = 'applied' | 'already-applied' | 'ignored' | 'dead-lettered';

export type ProjectMessageDeps<TDocument extends ProjectedDocument> = Readonly<{
  projection: Projection<TDocument>;
  store: ReadModelStore<TDocument>;
  deadLetters: DeadLetterSink;
}>;

const messageOf = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/**
 * One message, start to finish, before its offset may be committed. A message
 * that cannot be decoded, or that the projection throws on, is dead-lettered
 * and counts as done, so it never blocks its partition. Store and broker
 * errors are not the message's fault: they propagate, the offset stays
 * uncommitted and the message is delivered again.
 */
export const projectMessage = async <TDocument extends ProjectedDocument>(
  deps: ProjectMessageDeps<TDocument>,
  topic: string,
  partition: number,
  message: IncomingMessage,
): Promise<MessageOutcome> => {
  const decoded = fromKafkaMessage(topic, partition, message);
  if (!decoded.ok) {
    await deps.deadLetters.send(topic, message, 'malformed', decoded.error.message);
    return 'dead-lettered';
  }
  const { event } = decoded;
  let id: string | undefined;
  try {
    id = deps.projection.documentIdOf(event);
  } catch (error) {
    await deps.deadLetters.send(topic, message, 'projection-failed', messageOf(error));
    return 'dead-lettered';
  }
  if (id === undefined) return 'ignored';
  const current = await deps.store.load(id);
  let step: ProjectionStep<TDocument>;
  try {
    step = stepOf(deps.projection, current, event);
  } catch (error) {
    await deps.deadLetters.send(topic, message, 'projection-failed', messageOf(error));
    return 'dead-lettered';
  }
  switch (step.kind) {
    case 'ignore':
      return step.reason === 'already-applied' ? 'already-applied' : 'ignored';
    case 'write':
      return (await deps.store.save(step.id, step.document)) === 'written' ? 'applied' : 'already-applied';
    case 'delete':
      return (await deps.store.remove(step.id, event.streamRevision)) === 'written' ? 'applied' : 'already-applied';
    default: {
      const unreachable: never = step;
      throw new Error(`unknown step ${JSON.stringify(unreachable)}`);
    }
  }
};
