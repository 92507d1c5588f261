import { createProgressReporter } from '@meridian/platform/projections';

export type ImportCounts = Readonly<{ imported: number; duplicates: number; rejected: number }>;

const formatted = (n: number): string => Math.round(n).toLocaleString('en-US');

/**
 * Progress lines for one run of a job: rows done of the file, rate and ETA
 * (the platform reporter's cadence and arithmetic, worded in rows), at most one
 * per interval, then one summary line. A resumed run counts its rate from the
 * rows it did itself, so the ETA is not flattered by rows done before a crash.
 */
export const createImportProgress = (
  label: string,
  rowCount: number,
  alreadyDone: number,
  log: (line: string) => void,
  intervalMs: number,
  now: () => number = Date.now,
) => {
  const startedAt = now();
  const reporter = createProgressReporter(label, rowCount - alreadyDone, (_, { done, ratePerSecond, etaSeconds }) => {
    const rows = alreadyDone + done;
    const percent = rowCount > 0 ? Math.min(100, Math.floor((rows / rowCount) * 100)) : 100;
    const eta = etaSeconds === null ? '' : ` · eta ${Math.ceil(etaSeconds)} s`;
    log(`${label}: ${formatted(rows)} / ${formatted(rowCount)} rows (${percent}%) · ${formatted(ratePerSecond)} rows/s${eta}`);
  }, intervalMs, now);
  return {
    /** `rows`: rows of the file settled so far, the ones done before this run included. */
    advance: (rows: number) => reporter.advance(rows - alreadyDone),
    finish: (counts: ImportCounts) => {
      const seconds = Math.max(now() - startedAt, 1) / 1000;
      const done = rowCount - alreadyDone;
      const resumed = alreadyDone > 0 ? ` (resumed after row ${formatted(alreadyDone)})` : '';
      log(
        `${label}: completed ${formatted(rowCount)} rows${resumed} in ${seconds.toFixed(1)} s (${formatted(done / seconds)} rows/s): ` +
          `${formatted(counts.imported)} imported, ${formatted(counts.duplicates)} duplicates, ${formatted(counts.rejected)} rejected`,
      );
    },
  };
};
