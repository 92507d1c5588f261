/**
 * Maps over items with at most `limit` calls in flight; results keep the
 * items' order. The first failure rejects the whole call and no further item
 * is started (calls already running finish on their own, results unused).
 */
export const mapWithConcurrency = async <T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> => {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (next < items.length && !failed) {
      const index = next++;
      try {
        results[index] = await work(items[index]);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
};

/**
 * Retries work that failed for a reason that may pass (a dropped connection, a
 * read side restarting), with a growing pause; `isPermanent` failures (rule
 * violations) are thrown at once.
 */
export const withRetries = async <R>(
  work: () => Promise<R>,
  isPermanent: (error: unknown) => boolean,
  attempts = 3,
  pauseMs = (attempt: number) => 100 * 2 ** attempt,
): Promise<R> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (isPermanent(error) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, pauseMs(attempt)));
    }
  }
};
