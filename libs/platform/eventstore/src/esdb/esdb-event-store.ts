import { randomUUID } from 'node:crypto';
import { FORWARDS } from '@kurrent/kurrentdb-client';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
} from '@meridian/platform/eventsourcing';
import { appendIdempotently } from './esdb-append';
import type { EsdbClient } from './esdb-client.port';
import { feedStreamRegex } from './esdb-feed-filter';
import { feedHead, readFeed } from './esdb-feed';
import { toRecordedEvent } from './esdb-recorded-event';

export type EsdbEventStoreOptions = Readonly<{
  /** Only these categories form the feed (default: every non-system, non-checkpoint stream). */
  feedCategories?: readonly string[];
  /** Batch stamps (see AppendBatch); injectable for specs. */
  newBatchId?: () => string;
}>;

/**
 * The event-store port on EventStoreDB/KurrentDB. Streams are stored under the
 * ids given (`<category>-<id>`), event ids are EventStoreDB's event ids, the
 * envelope metadata is the event's JSON metadata, and the global position is
 * the commit position in the log (see esdb-position.ts). Every server call goes
 * through the client it is given; `openEsdbEventStore` guards it with retries
 * and a circuit breaker.
 */
export class EsdbEventStore implements EventStore {
  private readonly streamRegex: string;
  private readonly newBatchId: () => string;
  private closed = false;

  constructor(
    private readonly client: EsdbClient,
    options: EsdbEventStoreOptions = {},
  ) {
    this.streamRegex = feedStreamRegex(options.feedCategories);
    this.newBatchId = options.newBatchId ?? randomUUID;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<readonly RecordedEvent[]> {
    this.assertOpen();
    const { fromRevision = 0, maxCount = Number.MAX_SAFE_INTEGER } = options;
    if (!(maxCount > 0)) return [];
    const stored = await this.client.readStream(streamId, {
      from: BigInt(Math.max(0, Math.ceil(fromRevision))),
      direction: FORWARDS,
      maxCount,
    });
    return stored.map((event) => toRecordedEvent(event).event);
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    return appendIdempotently(this.client, streamId, events, expectedRevision, this.newBatchId());
  }

  async readAll(options: ReadAllOptions): Promise<readonly RecordedEvent[]> {
    this.assertOpen();
    return readFeed(this.client, this.streamRegex, options);
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return feedHead(this.client, this.streamRegex);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.dispose();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('EsdbEventStore is closed');
  }
}
