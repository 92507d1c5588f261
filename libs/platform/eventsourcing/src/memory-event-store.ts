import type { EventMetadata, NewEvent, RecordedEvent } from './envelope';
import type { AppendResult, EventStore, ExpectedRevision, ReadAllOptions, ReadStreamOptions } from './event-store.port';
import type { StoredEventRef } from './append-rules';
import { assertValidEventIds, assertExpectedRevision, replayedAppendResult } from './append-rules';

type StoredEvent = Readonly<{ event: RecordedEvent; batchId: string; batchSize: number }>;

/**
 * The event-store port in process memory, for unit tests. Every call runs to
 * completion without awaiting, so appends are trivially atomic and the global
 * feed has no in-flight writers: positions are dense and readAll never lags.
 * Data and metadata go through JSON on the way in, as they do in the SQL
 * adapters, so a test cannot pass by storing something JSONB would not.
 */
export class MemoryEventStore implements EventStore {
  private readonly all: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly byEventId = new Map<string, StoredEvent>();
  private batches = 0;
  private closed = false;

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<readonly RecordedEvent[]> {
    this.assertOpen();
    const from = options.fromRevision ?? 0;
    const events = (this.streams.get(streamId) ?? []).filter(({ event }) => event.revision >= from);
    return events.slice(0, options.maxCount ?? events.length).map(({ event }) => event);
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    this.assertOpen();
    assertValidEventIds(streamId, events);
    const stored = events.flatMap((event) => {
      const found = this.byEventId.get(event.eventId.toLowerCase());
      return found ? [toRef(found)] : [];
    });
    const replay = replayedAppendResult(streamId, events, stored);
    if (replay) return replay;

    const stream = this.streams.get(streamId) ?? [];
    const last = stream[stream.length - 1];
    assertExpectedRevision(streamId, expectedRevision, last ? last.event.revision : 'no_stream');
    if (events.length === 0) {
      return { nextExpectedRevision: last ? last.event.revision : -1, lastPosition: last ? last.event.globalPosition : 0, replayed: false };
    }

    const batchId = String(++this.batches);
    const recordedAt = new Date().toISOString();
    const firstRevision = last ? last.event.revision + 1 : 0;
    const appended = events.map((event, index): StoredEvent => ({
      batchId,
      batchSize: events.length,
      event: {
        eventId: event.eventId.toLowerCase(),
        type: event.type,
        streamId,
        revision: firstRevision + index,
        globalPosition: this.all.length + index + 1,
        recordedAt,
        data: viaJson(event.data ?? null),
        metadata: viaJson(event.metadata) as EventMetadata,
      },
    }));
    this.all.push(...appended);
    this.streams.set(streamId, [...stream, ...appended]);
    for (const entry of appended) this.byEventId.set(entry.event.eventId, entry);
    const lastAppended = appended[appended.length - 1].event;
    return { nextExpectedRevision: lastAppended.revision, lastPosition: lastAppended.globalPosition, replayed: false };
  }

  async readAll({ after, maxCount }: ReadAllOptions): Promise<readonly RecordedEvent[]> {
    this.assertOpen();
    // Positions are 1-based and dense, so the event after position p sits at index p.
    return this.all.slice(Math.max(after, 0), Math.max(after, 0) + maxCount).map(({ event }) => event);
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.all.length;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('MemoryEventStore is closed');
  }
}

const toRef = ({ event, batchId, batchSize }: StoredEvent): StoredEventRef => ({
  eventId: event.eventId,
  streamId: event.streamId,
  revision: event.revision,
  globalPosition: event.globalPosition,
  batchId,
  batchSize,
});

const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
