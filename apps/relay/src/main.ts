import type { StructuredLog } from '@meridian/platform/kafka';
import { createJsonLinesLog } from '@meridian/platform/kafka';
import { relayCatalogues } from './opportunities.catalogue';
import type { RelayConfig } from './relay.config';
import { RelayConfigError, loadRelayConfig } from './relay.config';
import { startRelay } from './relay-runtime';

/**
 * Exit codes: 0 after a graceful stop (SIGTERM/SIGINT: the in-flight batch is
 * sent and checkpointed first), 1 for bad configuration or a failed start.
 */
const main = async (): Promise<void> => {
  let config: RelayConfig;
  try {
    config = loadRelayConfig(process.env);
  } catch (error) {
    process.stderr.write(`${error instanceof RelayConfigError ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const log: StructuredLog = createJsonLinesLog('relay', config.logLevel);
  let running: Awaited<ReturnType<typeof startRelay>>;
  try {
    running = await startRelay(config, relayCatalogues, log);
  } catch (error) {
    log('error', 'relay failed to start', { error });
    process.exit(1);
  }
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    log('info', 'shutting down', { signal });
    running.stop().then(
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

void main();
