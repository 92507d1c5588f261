import type { StructuredLog } from '@meridian/platform/kafka';
import { createJsonLinesLog } from '@meridian/platform/kafka';
import { runWorker } from '@meridian/platform/nest';
import { relayCatalogues } from './relay-catalogues';
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
  await runWorker('relay', () => startRelay(config, relayCatalogues, log), log);
};

void main();
