export type LazyResource<T> = Readonly<{
  /** The resource, connecting on first use; a failed attempt is forgotten, so the next call tries again. */
  get: () => Promise<T>;
  /** Closes it if it was ever opened. */
  close: () => Promise<void>;
}>;

/**
 * For dependencies a process can live without for a while (the read store,
 * Kafka's admin API): the process starts whatever their state, calls fail
 * (and answer 503) while they are away, and the first call after they are
 * back connects.
 */
export const lazyResource = <T>(open: () => Promise<T>, close: (resource: T) => Promise<void>): LazyResource<T> => {
  let pending: Promise<T> | undefined;
  return {
    get: () => {
      pending ??= open().catch((error: unknown) => {
        pending = undefined;
        throw error;
      });
      return pending;
    },
    close: async () => {
      const opened = pending;
      pending = undefined;
      if (opened !== undefined) await close(await opened).catch(() => undefined);
    },
  };
};
