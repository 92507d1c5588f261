import type { StoreBreaker } from './store-breaker';

type Resume = () => void;

/**
 * When to resume partitions paused by a store failure. With the breaker open,
 * on its half-open transition (one probe decides whether it closes); with it
 * still closed (a failure below the volume threshold), after a short back-off.
 * Either way the retried message is the one that failed: nothing is skipped.
 */
export const createPartitionPauser = (breaker: StoreBreaker, retryDelayMs: number) => {
  const waiting = new Set<Resume>();
  let timer: NodeJS.Timeout | undefined;
  let cancelled = false;

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
      }, retryDelayMs);
      timer.unref();
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
