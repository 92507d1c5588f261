/** A page of the feed: what was read after a position, however the caller prepares it. */
export type Page = Readonly<{ count: number }>;

/**
 * At most one page of the feed read ahead, keyed by the position it was read
 * after. Reading ahead only fetches: nothing is sent or checkpointed out of
 * turn, so it cannot reorder or lose anything. A page read ahead is used only
 * by a `take` from exactly its position; an empty one is read again (events
 * may have been appended since), and after a failure `discard` forgets it so
 * the next attempt reads afresh from the stored checkpoint.
 */
export class ReadAhead<P extends Page> {
  private pending: Readonly<{ after: number; page: Promise<P> }> | undefined;
  /** Reads started here and not yet settled, discarded ones included. */
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly read: (after: number) => Promise<P>) {}

  /** The page after `after`: the one read ahead from there if it holds events, else a fresh read. */
  async take(after: number): Promise<P> {
    const pending = this.pending;
    this.pending = undefined;
    if (pending?.after === after) {
      const page = await pending.page;
      if (page.count > 0) return page;
    }
    return this.read(after);
  }

  /** Starts reading the page after `after`, replacing any page read ahead before. */
  start(after: number): void {
    const page = this.read(after);
    // Handled here, so a discarded page that fails is no unhandled rejection; `take` still sees the error.
    const settled = page.then(
      () => undefined,
      () => undefined,
    );
    this.running.add(settled);
    void settled.then(() => this.running.delete(settled));
    this.pending = { after, page };
  }

  /** Forgets the page read ahead, at once (its query may still be running: see `settle`). */
  discard(): void {
    this.pending = undefined;
  }

  /** Forgets the page read ahead and waits until no read started here is still running (before the store is closed). */
  async settle(): Promise<void> {
    this.pending = undefined;
    await Promise.all(this.running);
  }
}
