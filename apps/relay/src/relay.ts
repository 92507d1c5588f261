import { setTimeout as sleep } from 'node:timers/promises';
import type { EventStore } from '@meridian/platform/eventsourcing';
import type { CheckpointStore } from '@meridian/platform/eventstore';
import type { EventRouter, OrderedPublisher, StructuredLog } from '@meridian/platform/kafka';

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
}>;

export type BatchOutcome = Readonly<{ count: number; from: number; to: number }>;

/**
 * Event store feed → Kafka, at least once and in feed order.
 *
 * Each batch: read after the checkpoint, route every event (publish or dead
 * letter; routing never throws, so one bad event cannot stall the feed), send
 * the whole batch and wait for the broker's acknowledgement (acks=all), and
 * only then save the checkpoint. A crash or failure anywhere before the save
 * re-sends the batch from the stored checkpoint: duplicates are possible and
 * carry the same `ce_id`; losses are not. The feed is in global-position
 * order, so each stream's events (one key, one partition) stay in order.
 */
export class Relay {
  private position: number | undefined;
  private stopping = false;
  private interrupt = new AbortController();
  private loop: Promise<void> | undefined;

  constructor(private readonly deps: RelayDependencies) {}

  start(): void {
    this.loop ??= this.run();
  }

  /** Lets the in-flight batch finish (send and checkpoint), then resolves. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.interrupt.abort();
    await this.loop;
  }

  /** Relays one batch; resolves with what was covered (count 0 when caught up). */
  async relayOnce(): Promise<BatchOutcome> {
    const { store, checkpoints, router, publisher, log, checkpointName, batchSize } = this.deps;
    const from = this.position ?? (await checkpoints.load(checkpointName));
    this.position = from;
    const events = await store.readAll({ after: from, maxCount: batchSize });
    if (events.length === 0) return { count: 0, from, to: from };

    const messages = events.map((event) => router.route(event));
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
    await publisher.publish(messages);
    const to = events[events.length - 1].globalPosition;
    await checkpoints.save(checkpointName, to);
    this.position = to;

    const head = await store.headPosition();
    log('info', 'batch relayed', {
      from,
      to,
      published: messages.length - deadLetters.length,
      deadLettered: deadLetters.length,
      lag: Math.max(head - to, 0),
    });
    return { count: events.length, from, to };
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
    log('info', 'relay stopped', { checkpointName: this.deps.checkpointName, position: this.position });
  }

  /** Sleeps, but wakes at once when `stop` is called. */
  private async pause(ms: number): Promise<void> {
    await sleep(ms, undefined, { signal: this.interrupt.signal }).catch(() => undefined);
  }
}

const errorFields = (error: unknown) =>
  error instanceof Error ? { name: error.name, message: error.message } : { message: String(error) };
