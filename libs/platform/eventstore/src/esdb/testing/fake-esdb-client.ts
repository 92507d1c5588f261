import type { AppendStreamState, Position, ReadPosition } from '@kurrent/kurrentdb-client';
import { ANY, NO_STREAM, STREAM_EXISTS, UnknownError, WrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import type { EsdbClient, EsdbDirection, EsdbProposedEvent, EsdbStoredEvent } from '../esdb-client.port';

type Row = Readonly<{ streamId: string; id: string; revision: bigint; type: string; created: Date; data: string; metadata: string; position: bigint }>;
type Decision = Readonly<{ kind: 'ok' } | { kind: 'idempotent'; last: bigint } | { kind: 'conflict' }>;

/**
 * An in-process stand-in for one EventStoreDB node, reproducing the server
 * behaviour the adapter depends on, as read in the server's source
 * (IndexWriter.CheckCommit, AllReader, ResolvedEvent):
 * - appends are atomic and serialised, checked against the expected state;
 *   idempotency as the server does it: for a revision or NO_STREAM below the
 *   current revision, the ids at the following revisions are compared (all
 *   equal: success with the original revision; first differs: conflict; a
 *   later one differs: conflict); for ANY/STREAM_EXISTS a cache of committed
 *   ids (unbounded here, bounded on the server); an expectation equal to the
 *   current revision appends without looking at ids;
 * - log positions are byte offsets: increasing, not dense, commit = prepare;
 * - `$all` reads are inclusive forwards and exclusive backwards, and a start
 *   that is not a record boundary is refused, as the server does;
 * - `$maxCount` hides older events from stream reads, not from `$all`.
 * Calls yield to the event loop first, so concurrent callers interleave.
 */
export class FakeEsdbClient implements EsdbClient {
  private readonly log: Row[] = [];
  private readonly streams = new Map<string, Row[]>();
  private readonly maxCounts = new Map<string, number>();
  private readonly committedIds = new Map<string, Readonly<{ streamId: string; revision: bigint }>>();
  private readonly failures: unknown[] = [];
  private nextPosition = 0n;
  private disposed = false;
  /** Server calls made, for specs that count round trips. */
  calls = 0;

  constructor() {
    // A fresh node writes system events first: positions of user events never start at 0.
    this.write('$users', [{ id: '00000000-0000-4000-8000-000000000001', type: '$User', data: {}, metadata: {} }]);
    this.write('$scavenges', [{ id: '00000000-0000-4000-8000-000000000002', type: '$scavengeIndexInitialized', data: {}, metadata: {} }]);
  }

  /** The next `count` calls fail with `error` before reaching the store, as with an unreachable server. */
  failNextCalls(count: number, error: unknown): void {
    for (let index = 0; index < count; index++) this.failures.push(error);
  }

  async append(streamId: string, events: readonly EsdbProposedEvent[], state: AppendStreamState): Promise<bigint> {
    await this.enter();
    const stream = this.streams.get(streamId) ?? [];
    const current = BigInt(stream.length - 1);
    const decision = this.check(streamId, stream, events, state);
    if (decision.kind === 'conflict') {
      throw new WrongExpectedVersionError(undefined, { streamName: streamId, current: current < 0n ? NO_STREAM : current, expected: state });
    }
    if (decision.kind === 'idempotent') return decision.last;
    return this.write(streamId, events);
  }

  async readStream(
    streamId: string,
    { from, direction, maxCount }: Readonly<{ from: bigint | 'start' | 'end'; direction: EsdbDirection; maxCount: number }>,
  ): Promise<readonly EsdbStoredEvent[]> {
    await this.enter();
    const all = this.streams.get(streamId) ?? [];
    const visible = all.slice(Math.max(0, all.length - (this.maxCounts.get(streamId) ?? all.length)));
    const rows =
      direction === 'forwards'
        ? visible.filter((row) => typeof from !== 'bigint' || row.revision >= from)
        : visible.filter((row) => typeof from !== 'bigint' || row.revision <= from).reverse();
    return rows.slice(0, maxCount).map(toStored);
  }

  async readAll(
    options: Readonly<{ from: ReadPosition; direction: EsdbDirection; maxCount: number; streamRegex: string }>,
  ): Promise<readonly EsdbStoredEvent[]> {
    await this.enter();
    const { from, direction, maxCount } = options;
    const streamName = new RegExp(options.streamRegex);
    if (typeof from === 'object') this.assertRecordBoundary(from);
    const rows =
      direction === 'forwards'
        ? this.log.filter((row) => typeof from !== 'object' || row.position >= from.commit)
        : this.log.filter((row) => typeof from !== 'object' || row.position < from.commit).reverse();
    return rows.filter((row) => streamName.test(row.streamId)).slice(0, maxCount).map(toStored);
  }

  async setStreamMaxCount(streamId: string, maxCount: number): Promise<void> {
    await this.enter();
    const metadataStream = `$$${streamId}`;
    const id = `00000000-0000-4000-8000-${String(this.log.length).padStart(12, '0')}`;
    this.write(metadataStream, [{ id, type: '$metadata', data: { $maxCount: maxCount }, metadata: {} }]);
    this.maxCounts.set(streamId, maxCount);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }

  private async enter(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    if (this.disposed) throw new Error('FakeEsdbClient: disposed');
    this.calls++;
    if (this.failures.length > 0) throw this.failures.shift();
  }

  private check(streamId: string, stream: readonly Row[], events: readonly EsdbProposedEvent[], state: AppendStreamState): Decision {
    const current = BigInt(stream.length - 1);
    if (state === STREAM_EXISTS && current < 0n && !this.streams.has(`$$${streamId}`)) return { kind: 'conflict' };
    if (state === ANY || state === STREAM_EXISTS) {
      const known = events.map((event) => this.committedIds.get(event.id));
      if (known.every((entry) => entry?.streamId === streamId)) return { kind: 'idempotent', last: known[known.length - 1]?.revision ?? current };
      return known[0]?.streamId === streamId ? { kind: 'conflict' } : { kind: 'ok' };
    }
    const expected = state === NO_STREAM ? -1n : state;
    if (expected > current) return { kind: 'conflict' };
    if (expected === current) return { kind: 'ok' };
    const matches = events.every((event, index) => stream[Number(expected) + 1 + index]?.id === event.id);
    return matches ? { kind: 'idempotent', last: expected + BigInt(events.length) } : { kind: 'conflict' };
  }

  private write(streamId: string, events: readonly EsdbProposedEvent[]): bigint {
    const stream = this.streams.get(streamId) ?? [];
    this.streams.set(streamId, stream);
    const created = new Date();
    for (const event of events) {
      const data = JSON.stringify(event.data);
      const metadata = JSON.stringify(event.metadata);
      const row: Row = { streamId, id: event.id, revision: BigInt(stream.length), type: event.type, created, data, metadata, position: this.nextPosition };
      stream.push(row);
      this.log.push(row);
      this.committedIds.set(event.id, { streamId, revision: row.revision });
      // A record's size: header plus payload, so positions jump like the server's byte offsets.
      this.nextPosition += BigInt(120 + streamId.length + data.length + metadata.length);
    }
    return BigInt(stream.length - 1);
  }

  private assertRecordBoundary(position: Position): void {
    const boundary = position.commit === this.nextPosition || this.log.some((row) => row.position === position.commit);
    if (!boundary || position.commit !== position.prepare) {
      throw new UnknownError(undefined, `Invalid position C:${position.commit}/P:${position.prepare}`);
    }
  }
}

const toStored = (row: Row): EsdbStoredEvent => ({
  streamId: row.streamId,
  id: row.id,
  revision: row.revision,
  type: row.type,
  created: row.created,
  data: JSON.parse(row.data) as unknown,
  metadata: JSON.parse(row.metadata) as unknown,
  position: { commit: row.position, prepare: row.position },
});
