import type { StructuredLog } from '@meridian/platform/kafka';
import { applyPage } from './in-process-apply';
import type { ProgressSink } from './progress-reporter';
import { createProgressReporter } from './progress-reporter';
import type { ReadModelBinding } from './read-model-binding';
import { replayFeed } from './replay-feed';
import type { StoreFeed } from './store-feed';
import { storeLane } from './store-feed';
import { yieldToEventLoop } from './yield-to-event-loop';

export type InProcessProjectionsOptions = Readonly<{
  feed: StoreFeed;
  readModels: readonly ReadModelBinding[];
  log: StructuredLog;
  /** Catch-up progress at start (a large history takes a while). */
  progress: ProgressSink;
  pageSize?: number;
  /** Polling interval when idle; a `nudge` (e.g. from a read-your-writes query) polls at once. */
  idleIntervalMs?: number;
  /** Documents a bulk replay holds in memory per read model before writing them out. */
  documentsInMemory?: number;
  /** Back-off after a failed page or replay. */
  retryDelayMs?: number;
  /** What the feed drives, for its progress lines (default "read models"). */
  label?: string;
  /** The catch-up starts once this resolves (the host's port is open), so it does not slow the start-up down. */
  startWhen?: Promise<unknown>;
}>;

/** Where the feed stands: replaying the history into empty read models, catching up from their marks, or following the store. */
export type InProcessStatus = Readonly<{ state: 'replaying' | 'catching-up' | 'live'; position: number; head: number }>;

export type InProcessProjections = Readonly<{
  /** Every event up to this global position is applied to every read model. */
  position: () => number;
  /** Resolves once the history present at start is applied (failed attempts are logged and retried). */
  caughtUp: Promise<void>;
  status: () => InProcessStatus;
  /** The event store's newest global position now: a position above it was never handed out. */
  storeHead: () => Promise<number>;
  nudge: () => void;
  stop: () => Promise<void>;
}>;

const markOf = async (binding: ReadModelBinding): Promise<number> => (await binding.progress.marks()).find((m) => m.lane === storeLane)?.sequence ?? 0;

/**
 * Standalone mode's feed: the event store read in global order, one lane,
 * straight into the read models (no Kafka), with the same projections and
 * guards as over Kafka. Each binding keeps its own mark in its storage, so a
 * restart resumes every one where it stopped:
 * 1. read models with nothing stored are filled by one bulk replay of the
 *    history (history-fold.ts), all of them in one pass over the feed;
 * 2. every binding then catches up from its own mark, a page at a time;
 * 3. then it follows the store, polling when idle.
 * A store that is behind a binding's mark is not the history it was built
 * from (the event store was replaced): that binding is reset and replayed.
 * A projection error is logged and the event skipped, as a dead letter would be.
 */
export const startInProcessProjections = async (options: InProcessProjectionsOptions): Promise<InProcessProjections> => {
  const { feed, readModels, log } = options;
  const pageSize = options.pageSize ?? 500;
  const idleIntervalMs = options.idleIntervalMs ?? 100;
  const retryDelayMs = options.retryDelayMs ?? 1_000;
  const label = options.label ?? 'read models';
  const marks = new Map<ReadModelBinding, number>(await Promise.all(readModels.map(async (binding) => [binding, await markOf(binding)] as const)));
  const head = await feed.head();
  // With nothing to feed, nothing is behind: the head is reached.
  const position = () => (marks.size === 0 ? head : Math.min(...marks.values()));
  let state: InProcessStatus['state'] = 'catching-up';
  let running = true;
  let wake: (() => void) | undefined;
  const pause = (ms: number) => new Promise<void>((resolve) => {
    wake = resolve;
    setTimeout(resolve, ms).unref();
  }).finally(() => void (wake = undefined));

  const replayIntoEmpty = async (): Promise<void> => {
    for (const binding of readModels) {
      if ((marks.get(binding) ?? 0) <= head) continue;
      log('warn', 'read model is ahead of the event store (built from another history): it is filled again from this one', { readModel: binding.readModel, mark: marks.get(binding), head });
      await binding.reset?.();
      marks.set(binding, 0);
    }
    const empty = readModels.filter((binding) => marks.get(binding) === 0 && binding.historyFold !== undefined && binding.reset !== undefined);
    if (empty.length === 0 || head === 0) return;
    state = 'replaying';
    for (;;) {
      try {
        const folds = empty.map((binding) => binding.historyFold!({
          ...(options.documentsInMemory === undefined ? {} : { documentsInMemory: options.documentsInMemory }),
          onRejected: (event, error) => log('warn', 'projection failed: event skipped', { readModel: binding.readModel, eventId: event.eventId, error: error.message }),
        }));
        const reached = await replayFeed(feed, folds, { head, pageSize: Math.max(pageSize, 1_000), label: `${label} replaying the history (${empty.map((b) => b.readModel).join(', ')})`, progress: options.progress });
        for (const fold of folds) await fold.finish(reached);
        for (const binding of empty) marks.set(binding, reached);
        return;
      } catch (error) {
        // Half a replay is not a state to continue from: empty them and start again.
        log('error', 'replaying the history into the read models failed; retrying', { error: String(error) });
        for (const binding of empty) await binding.reset!().catch(() => undefined);
        if (!running) return;
        await pause(retryDelayMs);
      }
    }
  };

  /** One page from the binding furthest behind, given to each binding from its own mark; the number of positions advanced. */
  const nextPage = async (): Promise<number> => {
    await yieldToEventLoop();
    const after = position();
    const page = await feed.read(after, pageSize);
    for (const binding of readModels) {
      const mark = marks.get(binding) ?? 0;
      if (mark >= page.lastPosition) continue;
      await applyPage(binding, page.events.filter((event) => event.globalPosition > mark), log);
      await binding.progress.record({ lane: storeLane, sequence: page.lastPosition, position: page.lastPosition });
      marks.set(binding, page.lastPosition);
    }
    return page.lastPosition - after;
  };

  let stopped: () => void = () => undefined;
  const stopping = new Promise<void>((resolve) => {
    stopped = resolve;
  });

  const catchUp = async (): Promise<void> => {
    await Promise.race([options.startWhen, stopping]);
    if (!running) return;
    await replayIntoEmpty();
    const start = position();
    const reporter = createProgressReporter(`${label} catching up`, head - start, options.progress);
    while (running && position() < head) {
      try {
        if ((await nextPage()) === 0) break;
      } catch (error) {
        log('error', 'catching up the read models failed; retrying', { error: String(error) });
        await pause(retryDelayMs);
      }
      reporter.advance(position() - start);
    }
    if (head > start) reporter.finish(position() - start);
    state = 'live';
  };

  const caughtUp = catchUp();
  const loop = (async () => {
    await caughtUp;
    while (running) {
      try {
        if ((await nextPage()) > 0) continue;
      } catch (error) {
        log('error', 'in-process projections failed; retrying', { error: String(error) });
      }
      if (!running) break;
      await pause(idleIntervalMs);
    }
  })();

  return {
    position,
    caughtUp,
    status: () => ({ state, position: position(), head }),
    storeHead: () => feed.head(),
    nudge: () => wake?.(),
    stop: async () => {
      running = false;
      stopped();
      wake?.();
      await loop.catch(() => undefined);
    },
  };
};
