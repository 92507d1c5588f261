export type ProgressFigures = Readonly<{ done: number; total: number; ratePerSecond: number; etaSeconds: number | null }>;
export type ProgressSink = (line: string, figures: ProgressFigures) => void;

const formatted = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * Progress of long work (rebuilds, catching up at start) as readable lines,
 * at most one per interval plus the final one, so a large rebuild shows
 * steady signs of life without flooding the log.
 */
export const createProgressReporter = (label: string, total: number, sink: ProgressSink, intervalMs = 1_000, now: () => number = Date.now) => {
  const startedAt = now();
  let reportedAt = startedAt;
  let reportedDone: number | undefined;
  const report = (done: number) => {
    const elapsed = Math.max(now() - startedAt, 1) / 1000;
    const ratePerSecond = done / elapsed;
    const remaining = Math.max(total - done, 0);
    const etaSeconds = ratePerSecond > 0 ? remaining / ratePerSecond : null;
    const percent = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 100;
    const eta = etaSeconds === null ? '' : ` · eta ${Math.ceil(etaSeconds)} s`;
    sink(`${label}: ${formatted(done)} / ${formatted(total)} events (${percent}%) · ${formatted(ratePerSecond)} events/s${eta}`, { done, total, ratePerSecond, etaSeconds });
    reportedAt = now();
    reportedDone = done;
  };
  return {
    advance: (done: number) => {
      if (now() - reportedAt >= intervalMs) report(done);
    },
    /** The final line, unless the last one already said exactly this. */
    finish: (done: number) => {
      if (reportedDone !== done) report(done);
    },
  };
};
