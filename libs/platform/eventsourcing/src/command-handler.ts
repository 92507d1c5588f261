import { randomUUID } from 'node:crypto';
import type { Decider, DomainEvent } from './decider';
import { foldEvents } from './decider';
import { deterministicUuid } from './deterministic-id';
import { streamVisibleTo } from './tenant-visibility';
import type { CommandContext, NewEvent, RecordedEvent } from './envelope';
import type { EventStore, ExpectedRevision } from './event-store.port';
import { WrongExpectedRevision, streamRevisionOf } from './event-store.port';
import { ConcurrencyRetriesExhausted, IdempotencyKeyReused, StaleRevision } from './command-handler.errors';

export type CommandResult = Readonly<{
  streamId: string;
  /** The stream's revision after the command: use it as the next If-Match. */
  revision: number;
  /** Global position of the command's last event; wait for it on the read side. */
  position: number;
  /** Events this call appended; empty for a replayed Idempotency-Key or a no-op. */
  appended: readonly NewEvent[];
  /** True when the Idempotency-Key had already been honoured and nothing was appended. */
  replayed: boolean;
}>;

export type HandleCommandRequest<TCommand, TEvent extends DomainEvent, TState> = Readonly<{
  decider: Decider<TCommand, TEvent, TState>;
  streamId: string;
  command: TCommand;
  context: CommandContext;
  /** Business time of the command, stamped into every event's metadata. */
  occurredAt: string;
  /** If-Match: the revision the caller saw. When set, a moved stream fails instead of retrying. */
  pinnedRevision?: number;
}>;

export type CommandHandlerOptions = Readonly<{
  newEventId?: () => string;
  schemaVersionOf?: (eventType: string) => number;
  /** Attempts on a concurrency conflict when no revision was pinned. */
  maxAttempts?: number;
  /** Wait before attempt `attempt + 1`; defaults to full-jitter exponential backoff. */
  backoff?: (attempt: number) => Promise<void>;
}>;

/**
 * Losers of a race re-read at the same moment and would collide again; a random
 * wait of up to 4·2^attempt ms (capped at 200 ms) spreads them out.
 */
export const jitteredBackoff = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 4 * 2 ** attempt)));

/**
 * read stream → fold with evolve → decide → append with expected revision.
 * Retries on a concurrency conflict only when the caller did not pin a revision:
 * a pinned caller asked for "this version or nothing".
 */
export class CommandHandler {
  private readonly newEventId: () => string;
  private readonly schemaVersionOf: (eventType: string) => number;
  private readonly maxAttempts: number;
  private readonly backoff: (attempt: number) => Promise<void>;

  constructor(private readonly store: EventStore, options: CommandHandlerOptions = {}) {
    this.newEventId = options.newEventId ?? randomUUID;
    this.schemaVersionOf = options.schemaVersionOf ?? (() => 1);
    this.maxAttempts = options.maxAttempts ?? 10;
    this.backoff = options.backoff ?? jitteredBackoff;
  }

  async handle<TCommand, TEvent extends DomainEvent, TState>(
    request: HandleCommandRequest<TCommand, TEvent, TState>,
  ): Promise<CommandResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(request);
      } catch (error) {
        // A pinned caller is retried only to discover that its own Idempotency-Key
        // won the race; the re-read then replays the first result or reports 412.
        const retryable =
          error instanceof WrongExpectedRevision &&
          (request.pinnedRevision === undefined || request.context.idempotencyKey !== undefined);
        if (!retryable) {
          // The stream moved between our read and our append: for a pinned caller that is a stale If-Match.
          if (error instanceof WrongExpectedRevision && request.pinnedRevision !== undefined) {
            throw new StaleRevision(request.streamId, request.pinnedRevision, error.actual);
          }
          throw error;
        }
        if (attempt >= this.maxAttempts) throw new ConcurrencyRetriesExhausted(request.streamId, attempt);
        await this.backoff(attempt);
      }
    }
  }

  private async attempt<TCommand, TEvent extends DomainEvent, TState>(
    request: HandleCommandRequest<TCommand, TEvent, TState>,
  ): Promise<CommandResult> {
    const { streamId, context } = request;
    const history = streamVisibleTo(context.tenantId, await this.store.readStream(streamId));

    const replay = findIdempotentReplay(streamId, history, context);
    if (replay) return replay;

    const actual = streamRevisionOf(history);
    if (request.pinnedRevision !== undefined && request.pinnedRevision !== actual) {
      throw new StaleRevision(streamId, request.pinnedRevision, actual);
    }

    const state = foldEvents(request.decider, history.map(toDomainEvent) as TEvent[]);
    const decided = request.decider.decide(request.command, state);
    if (decided.length === 0) {
      return { streamId, revision: actual === 'no_stream' ? -1 : actual, position: lastPosition(history), appended: [], replayed: false };
    }

    const toAppend = decided.map((event, index) => this.envelop(event, index, request));
    const expected: ExpectedRevision = actual;
    const result = await this.store.appendToStream(streamId, toAppend, expected);
    // replayed: an identical copy of this request (same key, same body, hence the same event ids) stored it first.
    return {
      streamId,
      revision: result.nextExpectedRevision,
      position: result.lastPosition,
      appended: result.replayed ? [] : toAppend,
      replayed: result.replayed,
    };
  }

  private envelop(
    event: DomainEvent,
    index: number,
    { streamId, context, occurredAt }: Pick<HandleCommandRequest<unknown, DomainEvent, unknown>, 'streamId' | 'context' | 'occurredAt'>,
  ): NewEvent {
    const eventId = context.idempotencyKey
      ? // The request hash is part of the id: a different body under the same key must not pass for a retry.
        deterministicUuid(context.tenantId, streamId, context.idempotencyKey, context.requestHash ?? '', String(index))
      : this.newEventId();
    return {
      eventId,
      type: event.type,
      data: event.data,
      metadata: {
        tenantId: context.tenantId,
        actorId: context.actorId,
        correlationId: context.correlationId,
        causationId: context.causationId,
        ...(context.traceparent ? { traceparent: context.traceparent } : {}),
        schemaVersion: this.schemaVersionOf(event.type),
        occurredAt,
        ...(context.idempotencyKey ? { idempotencyKey: context.idempotencyKey, requestHash: context.requestHash } : {}),
      },
    };
  }
}

export const toDomainEvent = (event: RecordedEvent): DomainEvent => ({ type: event.type, data: event.data });

const lastPosition = (history: readonly RecordedEvent[]): number =>
  history.length === 0 ? 0 : history[history.length - 1].globalPosition;


/** The key is honoured per stream: the events it produced carry it in their metadata. */
const findIdempotentReplay = (
  streamId: string,
  history: readonly RecordedEvent[],
  context: CommandContext,
): CommandResult | undefined => {
  if (!context.idempotencyKey) return undefined;
  const earlier = history.filter((event) => event.metadata.idempotencyKey === context.idempotencyKey);
  if (earlier.length === 0) return undefined;
  if (earlier[0].metadata.requestHash !== context.requestHash) throw new IdempotencyKeyReused(context.idempotencyKey);
  const last = earlier[earlier.length - 1];
  return { streamId, revision: last.revision, position: last.globalPosition, appended: [], replayed: true };
};
