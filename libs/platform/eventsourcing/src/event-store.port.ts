import type { NewEvent, RecordedEvent } from './envelope';

/**
 * What the appender believes the stream's last revision is.
 * - a number: the stream's last event has exactly this revision;
 * - 'no_stream': the stream has no events yet;
 * - 'stream_exists': at least one event, any revision;
 * - 'any': no check (kept for tooling; command handlers always pass one of the others).
 */
export type ExpectedRevision = number | 'no_stream' | 'stream_exists' | 'any';

export type AppendResult = Readonly<{
  /** Revision of the last event now in the stream: the next append's expected revision. */
  nextExpectedRevision: number;
  /** Global position of the last event of this batch. */
  lastPosition: number;
  /** True when this exact batch (same event ids) was already stored: nothing was appended now. */
  replayed: boolean;
}>;

export type ReadStreamOptions = Readonly<{ fromRevision?: number; maxCount?: number }>;

export type ReadAllOptions = Readonly<{
  /** Exclusive checkpoint: return events with a global position greater than this. 0 reads from the start. */
  after: number;
  maxCount: number;
}>;

/**
 * The event-store port. Guarantees every adapter must honour (and the contract
 * suite checks):
 * - appends are atomic per call and checked against the expected revision;
 * - an event id is stored once: re-appending the same batch returns the first result;
 * - `readAll` yields every committed event exactly once in increasing global
 *   position, and never skips one that commits late.
 */
export interface EventStore {
  readStream(streamId: string, options?: ReadStreamOptions): Promise<readonly RecordedEvent[]>;
  appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult>;
  readAll(options: ReadAllOptions): Promise<readonly RecordedEvent[]>;
  /** Highest global position a `readAll` could currently return (0 when empty). */
  headPosition(): Promise<number>;
  close(): Promise<void>;
}

/**
 * `store` with its append replaced and everything else passed through: the
 * shape of every decorator that observes appends (metrics, traces) at the port.
 */
export const withAppend = (store: EventStore, appendToStream: EventStore['appendToStream']): EventStore => ({
  appendToStream,
  readStream: (streamId, options) => store.readStream(streamId, options),
  readAll: (options) => store.readAll(options),
  headPosition: () => store.headPosition(),
  close: () => store.close(),
});

export class WrongExpectedRevision extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedRevision';
  }
}

/** Some, but not all, of a batch's event ids were already stored: not a clean retry. */
export class PartialDuplicateAppend extends Error {
  constructor(readonly streamId: string, readonly eventId: string) {
    super(`Stream ${streamId}: event ${eventId} was already appended as part of a different batch`);
    this.name = 'PartialDuplicateAppend';
  }
}

export const streamRevisionOf = (events: readonly RecordedEvent[]): number | 'no_stream' =>
  events.length === 0 ? 'no_stream' : events[events.length - 1].revision;
