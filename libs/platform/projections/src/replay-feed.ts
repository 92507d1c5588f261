import type { HistoryFold } from './history-fold';
import type { ProgressSink } from './progress-reporter';
import { createProgressReporter } from './progress-reporter';
import type { StoreFeed, StoreFeedPage } from './store-feed';
import { yieldToEventLoop } from './yield-to-event-loop';

export type FeedReplayOptions = Readonly<{
  /** Where to start (exclusive) and where to stop: the head when the replay began. */
  after?: number;
  head: number;
  pageSize?: number;
  label: string;
  progress: ProgressSink;
}>;

/**
 * Reads the feed once, from `after` to `head`, and hands each page to every
 * fold: several read models replay in one pass over the history. The next
 * page is read while the current one is folded, so reading the store and
 * folding overlap. Returns the position reached.
 */
export const replayFeed = async (feed: StoreFeed, folds: readonly HistoryFold[], options: FeedReplayOptions): Promise<number> => {
  const start = options.after ?? 0;
  const pageSize = options.pageSize ?? 1_000;
  const reporter = createProgressReporter(options.label, options.head - start, options.progress);
  let after = start;
  const readFrom = (position: number): Promise<StoreFeedPage> | undefined => (position < options.head ? feed.read(position, pageSize) : undefined);
  let next = readFrom(after);
  try {
    while (next !== undefined) {
      const page = await next;
      next = undefined;
      if (page.lastPosition <= after) break;
      // Read ahead, but never past the head the replay was asked for.
      next = readFrom(page.lastPosition);
      await yieldToEventLoop();
      const events = page.events.filter((event) => event.globalPosition <= options.head);
      for (const fold of folds) await fold.add(events, Math.min(page.lastPosition, options.head));
      after = Math.min(page.lastPosition, options.head);
      reporter.advance(after - start);
    }
  } finally {
    // A read ahead left over by a failed fold must not reject unobserved.
    await next?.catch(() => undefined);
  }
  reporter.finish(after - start);
  return after;
};
