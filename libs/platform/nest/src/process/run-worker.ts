import type { StructuredLog } from '@meridian/platform/kafka';

export type RunningWorker = Readonly<{ stop: () => Promise<void> }>;

/**
 * Lifecycle of a worker process (relay, projections): start it, exit 1 if it
 * cannot start, and on SIGTERM/SIGINT stop it gracefully (its own `stop`
 * finishes the work in flight), then exit 0, or 1 if stopping failed.
 */
export const runWorker = async (
  name: string,
  start: () => Promise<RunningWorker>,
  log: StructuredLog,
  /** Runs after the worker stopped: flushes what its last work produced (spans). */
  afterStop: () => Promise<void> = () => Promise.resolve(),
): Promise<void> => {
  let running: RunningWorker;
  try {
    running = await start();
  } catch (error) {
    log('error', `${name} failed to start`, { error });
    process.exit(1);
  }
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    log('info', 'shutting down', { signal });
    running.stop().then(afterStop).then(
      () => process.exit(0),
      (error: unknown) => {
        log('error', 'shutdown failed', { error });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
};
