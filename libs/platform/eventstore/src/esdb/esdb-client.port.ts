import type { AppendStreamState, Position, ReadPosition, ReadRevision } from '@kurrent/kurrentdb-client';

/** An event as the adapter proposes it: JSON data and a JSON object as metadata. */
export type EsdbProposedEvent = Readonly<{ id: string; type: string; data: unknown; metadata: Record<string, unknown> }>;

/** An event as the server returned it: the client's RecordedEvent, reduced to what the adapter reads. */
export type EsdbStoredEvent = Readonly<{
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  created: Date;
  /** Parsed JSON for JSON events; bytes otherwise. */
  data: unknown;
  metadata: unknown;
  position?: Position;
}>;

export type EsdbDirection = 'forwards' | 'backwards';

/**
 * The part of EventStoreDB the adapter uses, narrow enough that a fake with the
 * server's documented semantics can stand in for it in unit specs. Errors are
 * the client's own classes (WrongExpectedVersionError, UnavailableError, …).
 */
export interface EsdbClient {
  /**
   * Appends atomically; resolves to the stream's revision after the append,
   * or, for a repeat the server recognised as idempotent, to the last revision
   * of the original write. Rejects with WrongExpectedVersionError.
   */
  append(streamId: string, events: readonly EsdbProposedEvent[], state: AppendStreamState): Promise<bigint>;
  /** Events of one stream; [] when the stream does not exist. */
  readStream(
    streamId: string,
    options: Readonly<{ from: ReadRevision; direction: EsdbDirection; maxCount: number }>,
  ): Promise<readonly EsdbStoredEvent[]>;
  /** Events of `$all` whose stream name matches `streamRegex`; `from` is inclusive forwards and exclusive backwards. */
  readAll(
    options: Readonly<{ from: ReadPosition; direction: EsdbDirection; maxCount: number; streamRegex: string }>,
  ): Promise<readonly EsdbStoredEvent[]>;
  /** Sets the stream's `$maxCount` metadata: older events stop being readable and are scavenged. */
  setStreamMaxCount(streamId: string, maxCount: number): Promise<void>;
  dispose(): Promise<void>;
}
