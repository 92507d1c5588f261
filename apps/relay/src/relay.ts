import { setTimeout as sleep } from 'node:timers/promises';
import type { EventStore } from '@meridian/platform/eventsourcing';
import type { CheckpointStore } from '@meridian/platform/eventstore';
import type { EventRouter, OrderedPublisher, OutgoingMessage, StructuredLog } from '@meridian/platform/kafka';
import { tracePublishes } from './publish-spans';
import { ReadAhead } from './read-ahead';

/** What one relayed batch did, for metrics: counts by topic (published) and by reason (dead-lettered). */
export type RelayedBatch = Readonly<{
  published: Readonly<Record<string, number>>;
  deadLettered: Readonly<Record<string, number>>;
  durationSeconds: number;
  checkpoint: number;
}>;

/** Told about every batch that reached the broker and its checkpoint; never told about a failed one (it is re-sent). */
export type RelayObserver = Readonly<{ batchRelayed: (batch: RelayedBatch) => void }>;

export type RelayDependencies = Readonly<{
  store: Pick<EventStore, 'readAll' | 'headPosition'>;
  checkpoints: CheckpointStore;
  router: Pick<EventRouter, 'route'>;
  publisher: Pick<OrderedPublisher, 'publish'>;
  log: StructuredLog;
  checkpointName: string;
  batchSize: number;
  pollIntervalMs: number;
  /** First back-off after a failed batch; doubles up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  observer?: RelayObserver;
}>;

export type BatchOutcome = Readonly<{ count: number; from: number; to: number }>;

/** One page of the feed, routed: read and routed ahead while the previous page is sent. */
type FeedPage = Readonly<{ count: number; to: number; messages: readonly OutgoingMessage[] }>;

/**
 * Event store feed → Kafka, at least once and in feed order.
 *
 * Each batch: read after the checkpoint, route every event (publish or dead
 * letter; routing never throws, so one bad event cannot stall the feed), send
 * the whole batch and wait for the broker's acknowledgement (acks=all), and
 * only then save the checkpoint. A crash or failure anywhere before the save
 * re-sends the batch from the stored checkpoint: duplicates are possible and
 * carry the same `ce_id`; losses are not. The feed is in global-position
 * order and one batch is sent at a time, so each stream's events (one key,
 * one partition) stay in order. While a full batch is in flight the next one
 * is read and routed (only that: it is sent after this one's acknowledgement
 * and checkpoint, and dropped if this one fails).
 */
export class Relay {
  private position: number | undefined;
  private stopping = false;
  private interrupt = new AbortController();
  private loop: Promise<void> | undefined;
  private ended = false;
  private readonly readAhead: ReadAhead<FeedPage>;

  constructor(private readonly deps: RelayDependencies) {
    this.readAhead = new ReadAhead((after) => this.readPage(after));
  }

  /** The position published and checkpointed so far; undefined until the checkpoint is first loaded (or after a failure). */
  checkpoint(): number | undefined {
    return this.position;
  }

  /** True from start until the loop has ended (after stop): /health/live reports it. */
  running(): boolean {
    return this.loop !== undefined && !this.ended;
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Lets the in-flight batch finish (send and checkpoint), then resolves once no store read is running. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.interrupt.abort();
    await this.loop;
    await this.readAhead.settle();
  }

  /** Relays one batch; resolves with what was covered (count 0 when caught up). */
  async relayOnce(): Promise<BatchOutcome> {
    const { store, checkpoints, publisher, log, checkpointName, batchSize } = this.deps;
    const startedAt = performance.now();
    const from = this.position ?? (await checkpoints.load(checkpointName));
    this.position = from;
    const page = await this.readAhead.take(from);
    if (page.count === 0) return { count: 0, from, to: from };
    const { to } = page;
    // A full batch means more is probably waiting: read and route it while this one is sent.
    if (page.count === batchSize && !this.stopping) this.readAhead.start(to);
    // For the log line only, asked while the batch is in flight rather than after it.
    const head = store.headPosition().catch(() => undefined);

    const batch = tracePublishes(page.messages);
    const { messages } = batch;
    const deadLetters = messages.filter((message) => message.deadLetter);
    for (const message of deadLetters) {
      log('warn', 'event dead-lettered', {
        eventId: message.headers.ce_id,
        streamId: message.key,
        globalPosition: Number(message.headers.ce_globalposition),
        topic: message.topic,
        reason: message.deadLetter?.reason,
        error: message.deadLetter?.error,
      });
    }
    let sent = false;
    try {
      await publisher.publish(messages);
      sent = true;
      batch.end();
      await checkpoints.save(checkpointName, to);
    } catch (error) {
      if (!sent) batch.end(error);
      // The page read ahead would follow a batch that is not checkpointed: the retry reads again from the stored checkpoint.
      this.readAhead.discard();
      await head;
      throw error;
    }
    this.position = to;
    this.deps.observer?.batchRelayed({
      published: tally(messages.filter((m) => !m.deadLetter).map((m) => m.topic)),
      deadLettered: tally(deadLetters.map((m) => m.deadLetter?.reason ?? 'unknown')),
      durationSeconds: (performance.now() - startedAt) / 1000,
      checkpoint: to,
    });

    const headPosition = await head;
    log('info', 'batch relayed', {
      from,
      to,
      published: messages.length - deadLetters.length,
      deadLettered: deadLetters.length,
      ...(headPosition === undefined ? {} : { lag: Math.max(headPosition - to, 0) }),
    });
    return { count: page.count, from, to };
  }

  private async readPage(after: number): Promise<FeedPage> {
    const { store, router, batchSize } = this.deps;
    const events = await store.readAll({ after, maxCount: batchSize });
    return { count: events.length, to: events.at(-1)?.globalPosition ?? after, messages: events.map((event) => router.route(event)) };
  }

  private async run(): Promise<void> {
    const { log, batchSize, pollIntervalMs, retryDelayMs = 100, maxRetryDelayMs = 5_000 } = this.deps;
    let failures = 0;
    log('info', 'relay started', { checkpointName: this.deps.checkpointName, batchSize, pollIntervalMs });
    while (!this.stopping) {
      try {
        const { count } = await this.relayOnce();
        failures = 0;
        // A full batch means more is probably waiting: go again at once.
        if (count < batchSize) await this.pause(pollIntervalMs);
      } catch (error) {
        failures++;
        // Forget the in-memory position: the next attempt restarts from the
        // stored checkpoint, exactly as a restarted process would.
        this.position = undefined;
        const delay = Math.min(retryDelayMs * 2 ** (failures - 1), maxRetryDelayMs);
        log('error', 'batch failed; retrying from the stored checkpoint', { error: errorFields(error), attempt: failures, retryInMs: delay });
        await this.pause(delay);
      }
    }
    await this.readAhead.settle();
    this.ended = true;
    log('info', 'relay stopped', { checkpointName: this.deps.checkpointName, position: this.position });
  }

  /** Sleeps, but wakes at once when `stop` is called. */
  private async pause(ms: number): Promise<void> {
    await sleep(ms, undefined, { signal: this.interrupt.signal }).catch(() => undefined);
  }
}

const tally = (keys: readonly string[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
};

const errorFields = (error: unknown) =>
  error instanceof Error ? { name: error.name, message: error.message } : { message: String(error) };
