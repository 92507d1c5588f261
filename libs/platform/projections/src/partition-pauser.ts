import type { StoreBreaker } from './store-breaker';

type Resume = () => void;

export type RetryBackoff = Readonly<{
  /** Longest wait between two retries, however many failed in a row. */
  maxDelayMs?: number;
  /** Uniform in [0, 1): the jitter's source (tests pin it). */
  random?: () => number;
}>;

/**
 * When to resume partitions paused by a store failure. With the breaker open,
 * on its half-open transition (one probe decides whether it closes); with it
 * still closed (a failure below the volume threshold), after a back-off that
 * doubles with each retry that fails again (`retryDelayMs`, 2×, 4× … up to
 * `maxDelayMs`) and is jittered between half and all of it, so the consumers
 * of every read model do not retry a recovering store in lock-step. A success
 * (`recovered`) starts the next failure from `retryDelayMs` again. Either way
 * the retried message is the one that failed: nothing is skipped.
 */
export const createPartitionPauser = (breaker: StoreBreaker, retryDelayMs: number, backoff: RetryBackoff = {}) => {
  const maxDelayMs = backoff.maxDelayMs ?? 10_000;
  const random = backoff.random ?? Math.random;
  const waiting = new Set<Resume>();
  let timer: NodeJS.Timeout | undefined;
  let cancelled = false;
  let retriesInARow = 0;

  const nextDelayMs = (): number => {
    const ceiling = Math.min(retryDelayMs * 2 ** retriesInARow, maxDelayMs);
    retriesInARow = Math.min(retriesInARow + 1, 30);
    return Math.round(ceiling / 2 + (ceiling / 2) * random());
  };

  const resumeAll = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const resumes = [...waiting];
    waiting.clear();
    for (const resume of resumes) resume();
  };

  // The breaker is shared by every consumer of the process: unsubscribe on cancel, or listeners pile up across generation switches.
  const unsubscribe = breaker.onChange((state) => {
    if (state !== 'open' && !cancelled) resumeAll();
  });

  return {
    pauseUntilRetry: (resume: Resume) => {
      waiting.add(resume);
      if (breaker.state() === 'open' || timer !== undefined || cancelled) return;
      timer = setTimeout(() => {
        timer = undefined;
        // Opened meanwhile: the half-open transition resumes instead.
        if (breaker.state() !== 'open') resumeAll();
      }, nextDelayMs());
      timer.unref();
    },
    /** A message was stored again: the next failure waits `retryDelayMs` first. */
    recovered: () => {
      retriesInARow = 0;
    },
    paused: () => waiting.size,
    cancel: () => {
      cancelled = true;
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
      waiting.clear();
    },
  };
};
