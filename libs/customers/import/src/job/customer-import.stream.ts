import type { CommandContext, EventStore, RecordedEvent } from '@meridian/platform/eventsourcing';
import { WrongExpectedRevision, deterministicUuid, streamVisibleTo } from '@meridian/platform/eventsourcing';
import type { CustomerImportBatchProcessed, CustomerImportCommand, CustomerImportEvent, CustomerImportState } from '@meridian/customers/domain';
import { customerImportDecider, customerImportStreamId } from '@meridian/customers/domain';

export type RecordedImportBatch = CustomerImportBatchProcessed['data'];

/** Conflicts come from another worker running the same job; each round re-reads only what it missed. */
const maxAttempts = 5;

const eventIdOf = (tenantId: string, streamId: string, command: CustomerImportCommand): string =>
  deterministicUuid(tenantId, streamId, command.type, command.type === 'RecordImportBatch' ? String(command.data.firstRow) : '');

/**
 * One import job's stream, held in memory while the job runs. The generic
 * command handler re-reads a stream before every command; an import stream
 * grows by one large batch event per few hundred rows, so re-reading it per
 * batch would cost O(batches²). This keeps the folded state and the revision,
 * appends with that expected revision, and on a conflict reads only the events
 * after it. Event ids are derived from (tenant, stream, command, first row),
 * so even a blind retry of an append is deduplicated by the store.
 */
export class CustomerImportStream {
  private constructor(
    private readonly store: EventStore,
    readonly tenantId: string,
    readonly streamId: string,
    private current: CustomerImportState,
    private revision: number | 'no_stream',
    private readonly recordedBatches: RecordedImportBatch[],
    private readonly recorded: RecordedEvent[],
  ) {}

  static async load(store: EventStore, tenantId: string, importId: string): Promise<CustomerImportStream> {
    const streamId = customerImportStreamId(importId);
    const stream = new CustomerImportStream(store, tenantId, streamId, customerImportDecider.initialState, 'no_stream', [], []);
    stream.apply(streamVisibleTo(tenantId, await store.readStream(streamId)));
    return stream;
  }

  get state(): CustomerImportState {
    return this.current;
  }

  /** The batches recorded so far, in row order. */
  get batches(): readonly RecordedImportBatch[] {
    return this.recordedBatches;
  }

  /** Every event of the stream as recorded (for times and metadata). */
  get events(): readonly RecordedEvent[] {
    return this.recorded;
  }

  /** Decides on the current state and appends; returns how many events were appended (0: already done). */
  async execute(command: CustomerImportCommand, context: CommandContext, occurredAt: string): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      const decided = customerImportDecider.decide(command, this.current);
      if (decided.length === 0) return 0;
      const eventId = eventIdOf(this.tenantId, this.streamId, command);
      const events = decided.map((event, index) => ({
        eventId: index === 0 ? eventId : deterministicUuid(eventId, String(index)),
        type: event.type,
        data: event.data,
        metadata: {
          tenantId: context.tenantId,
          actorId: context.actorId,
          correlationId: context.correlationId,
          causationId: context.causationId,
          ...(context.traceparent ? { traceparent: context.traceparent } : {}),
          schemaVersion: 1,
          occurredAt,
        },
      }));
      try {
        const result = await this.store.appendToStream(this.streamId, events, this.revision);
        await this.catchUp();
        return result.replayed ? 0 : events.length;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision) || attempt >= maxAttempts) throw error;
        await this.catchUp();
      }
    }
  }

  /** Reads what was appended after the revision we hold (by us or by another worker). */
  async catchUp(): Promise<void> {
    const fromRevision = this.revision === 'no_stream' ? 0 : this.revision + 1;
    const history = await this.store.readStream(this.streamId, { fromRevision });
    // The first event names the stream's tenant; a foreign stream stays invisible (importId includes the tenant, so it cannot happen).
    this.apply(this.revision === 'no_stream' ? streamVisibleTo(this.tenantId, history) : history);
  }

  private apply(history: readonly RecordedEvent[]): void {
    for (const event of history) {
      const domainEvent = { type: event.type, data: event.data } as CustomerImportEvent;
      this.current = customerImportDecider.evolve(this.current, domainEvent);
      if (domainEvent.type === 'CustomerImportBatchProcessed') this.recordedBatches.push(domainEvent.data);
      this.recorded.push(event);
      this.revision = event.revision;
    }
  }
}
