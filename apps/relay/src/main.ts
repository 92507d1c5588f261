import type { StructuredLog } from '@meridian/platform/kafka';
import { createJsonLinesLog } from '@meridian/platform/kafka';
import { runWorker } from '@meridian/platform/nest';
import { startTracing } from '@meridian/platform/telemetry';
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
  const tracing = startTracing({ serviceName: 'relay', ...(config.otlpEndpoint ? { otlpEndpoint: config.otlpEndpoint } : {}) });
  if (tracing.enabled) log('info', 'tracing: spans exported over OTLP/HTTP', { endpoint: config.otlpEndpoint });
  await runWorker('relay', () => startRelay(config, relayCatalogues, log), log, tracing.shutdown);
};

void main();
