import { createJsonLinesLog } from '@meridian/platform/kafka';
import { runWorker } from '@meridian/platform/nest';
import { startTracing } from '@meridian/platform/telemetry';
import type { ProjectionsConfig } from './projections.config';
import { ProjectionsConfigError, loadProjectionsConfig } from './projections.config';
import { startProjections } from './projections-runtime';
import { runRebuild } from './rebuild-command';

const usage = `usage:
  projections                      consume Kafka into the read models (PROJECTIONS_READ_MODELS, default all)
  projections rebuild <read-model>  rebuild one from the event store into a fresh generation, then swap it in`;

const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(1);
};

/** Exit codes: 0 after a graceful stop or a finished rebuild, 1 for bad settings or a failure, 2 for bad usage. */
const main = async (): Promise<void> => {
  const [command, name, ...extra] = process.argv.slice(2);
  if (command === '--help' || command === '-h') return void process.stdout.write(`${usage}\n`);
  if ((command !== undefined && command !== 'rebuild') || (command === 'rebuild' && (name === undefined || extra.length > 0))) {
    process.stderr.write(`${usage}\n`);
    process.exit(2);
  }
  let config: ProjectionsConfig;
  try {
    config = loadProjectionsConfig(process.env);
  } catch (error) {
    return fail(error instanceof ProjectionsConfigError ? error.message : String(error));
  }
  const log = createJsonLinesLog('projections', config.logLevel);

  if (command === 'rebuild') {
    try {
      const result = await runRebuild(config, name, log, (line) => process.stderr.write(`${line}\n`));
      process.stderr.write(`rebuilt ${name}: generation ${result.generation} is live (was ${result.previousGeneration})${result.retired ? '' : '; the old generation was left in place'}\n`);
      process.exit(0);
    } catch (error) {
      fail(`rebuild of ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    return;
  }

  const tracing = startTracing({ serviceName: 'projections', ...(config.otlpEndpoint ? { otlpEndpoint: config.otlpEndpoint } : {}) });
  if (tracing.enabled) log('info', 'tracing: spans exported over OTLP/HTTP', { endpoint: config.otlpEndpoint });
  await runWorker('projections', () => startProjections(config, log), log, tracing.shutdown);
};

void main();
