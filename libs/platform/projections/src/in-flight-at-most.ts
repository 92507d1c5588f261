/**
 * Runs `work` over `items` with at most `limit` calls in flight. Store calls
 * go through it because each has its own breaker timeout: a whole batch sent
 * at once to a store that serialises (FerretDB on SQLite) would make the last
 * calls wait past theirs.
 */
export const inFlightAtMost = async <T>(limit: number, items: readonly T[], work: (item: T) => Promise<void>): Promise<void> => {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
};
