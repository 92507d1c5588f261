export type DrainOutcome = 'drained' | 'timed-out';

/**
 * Waits for the in-flight requests to be answered, but no longer than
 * `timeoutMs`: one stuck request must not hold a rollout, and the shutdown
 * deadline still needs time to close the app after it. The timer is cleared
 * either way, so a quick drain leaves nothing keeping the process alive.
 */
export const drainWithin = async (drained: Promise<void>, timeoutMs: number): Promise<DrainOutcome> => {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<DrainOutcome>((resolve) => {
    timer = setTimeout(() => resolve('timed-out'), timeoutMs);
  });
  try {
    return await Promise.race([drained.then((): DrainOutcome => 'drained'), timedOut]);
  } finally {
    clearTimeout(timer);
  }
};
