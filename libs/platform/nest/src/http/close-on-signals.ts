import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { drainWithin } from './drain-within';

/** What a host's shutdown needs of it, beside the app. */
export type DrainableHost = Readonly<{
  app: NestFastifyApplication;
  /** Refuses new requests and turns /health/ready to 503 at once; resolves once every admitted request has been answered. */
  drain: () => Promise<void>;
  inFlight: () => number;
}>;

export type ShutdownBounds = Readonly<{
  /** SHUTDOWN_DRAIN_TIMEOUT_MS: how long the requests in flight may take. */
  drainTimeoutMs: number;
  /** SHUTDOWN_TIMEOUT_MS: the whole shutdown, closing the app included. */
  shutdownTimeoutMs: number;
}>;

/**
 * SIGTERM/SIGINT: stop taking new work, let the work in flight finish and
 * its answers be written, then close the app and exit 0.
 *
 * The drain comes before `app.close()` because Nest runs the modules'
 * destroy hooks (stores, Kafka) before it stops the HTTP server: a request
 * admitted just before the signal would otherwise meet a closed dependency.
 * The drain is bounded; requests still running at its bound have their
 * connections cut so the close can go on, and the exit code is then 1. A
 * deadline over the whole shutdown still exits 1 if closing itself hangs.
 */
export const closeOnSignals = (host: DrainableHost, bounds: ShutdownBounds, afterClose: () => Promise<void> = () => Promise.resolve()): void => {
  const logger = new Logger('shutdown');
  let closing = false;
  const shutDown = async (signal: NodeJS.Signals): Promise<number> => {
    // Before the log line: whoever reads "received" may rely on the refusals and the failing readiness.
    const drained = host.drain();
    logger.log(`${signal} received: refusing new requests, finishing the ${host.inFlight()} in flight (drain ${bounds.drainTimeoutMs} ms, deadline ${bounds.shutdownTimeoutMs} ms)`);
    const outcome = await drainWithin(drained, bounds.drainTimeoutMs);
    if (outcome === 'timed-out') {
      logger.error(`${host.inFlight()} requests still in flight after SHUTDOWN_DRAIN_TIMEOUT_MS (${bounds.drainTimeoutMs} ms); closing their connections`);
      host.app.getHttpServer().closeAllConnections();
    }
    // Closes the server too: Node's server.close() closes the idle keep-alive connections, and every answer since the
    // signal said `Connection: close`, so no connection outlives its last response.
    await host.app.close();
    // Flushes what only exists once every request has ended (the last spans).
    await afterClose();
    return outcome === 'drained' ? 0 : 1;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    // Listening on, not once: a repeated signal (a second Ctrl-C, a supervisor that forwards twice) would otherwise
    // kill the process with its default action mid-drain and reset every connection still open.
    if (closing) return void logger.warn(`${signal} received again: already shutting down`);
    closing = true;
    const deadline = setTimeout(() => {
      logger.error(`shutdown deadline of ${bounds.shutdownTimeoutMs} ms passed; exiting with work unfinished`);
      process.exit(1);
    }, bounds.shutdownTimeoutMs);
    deadline.unref();
    shutDown(signal).then(
      (code) => process.exit(code),
      (error: unknown) => {
        logger.error(`shutdown failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
};
