import type { DynamicModule } from '@nestjs/common';
import { Logger, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream } from 'pino';
import type { Registry } from 'prom-client';
import { METRICS_REGISTRY, MetricsModule, httpMetricsHooks } from '@meridian/platform/observability';
import { createProcessLogger, startTracing } from '@meridian/platform/telemetry';
import { HealthModule } from '../health/health.module';
import type { ReadinessReport } from '../health/readiness-registry';
import { ReadinessRegistry } from '../health/readiness-registry';
import type { AppConfig } from '../config/app-config';
import { ConfigError, loadConfig } from '../config/app-config';
import { redactUrl } from '../config/redact-url';
import type { OpenApiOptions } from './openapi';
import { createHttpApp } from './create-http-app';
import type { DrainableHost } from './close-on-signals';
import { closeOnSignals } from './close-on-signals';
import { inFlightLimit } from './in-flight-limit';
import { methodNotAllowedHook } from './method-not-allowed';
import { requestTelemetryHooks } from './request-telemetry';
import { HostListeningModule, createHostListening } from './host-listening';

export type HttpHostDefinition = Readonly<{
  /** Shown in logs, e.g. "standalone" or "opportunities-service". */
  name: string;
  openApi: OpenApiOptions;
  rootModule: (config: AppConfig) => DynamicModule;
  /** Settings given but ignored by this host, with why: warned about at start. */
  unusedSettings?: (config: AppConfig) => ReadonlyArray<readonly [setting: string, why: string]>;
  /** Feeds its read models in process and keeps them in READ_STORE_URL (standalone); other hosts warn when it is set. */
  usesReadStore?: boolean;
}>;

@Module({})
class HttpHostModule {}

/** Each host's drain, for the signal handler to run before it closes the app. */
const drains = new WeakMap<NestFastifyApplication, DrainableHost>();

/** Named in /health/ready from the signal on, so a load balancer stops routing here while in-flight work finishes. */
const shuttingDown: ReadinessReport = { ready: false, details: { message: 'shutting down: finishing the requests in flight, refusing new ones' } };

/**
 * Builds the host's app without listening: used by main and by end-to-end tests alike.
 * Every host gets the health endpoints and /metrics, with a registry of its own.
 */
export const createHttpHost = async (
  definition: HttpHostDefinition,
  config: AppConfig,
  options: Readonly<{ logDestination?: DestinationStream }> = {},
): Promise<NestFastifyApplication> => {
  const logger = createProcessLogger({
    service: definition.name,
    level: config.logLevel,
    ...(options.logDestination ? { destination: options.logDestination } : {}),
  });
  const host = createHostListening();
  const app = await createHttpApp(
    { module: HttpHostModule, imports: [HostListeningModule.forRoot(host), definition.rootModule(config), HealthModule, MetricsModule.forRoot()] },
    definition.openApi,
    logger,
  );
  // Now, before init registers the routes: Fastify takes no hooks once ready.
  const registry = app.get<Registry>(METRICS_REGISTRY);
  const hooks = httpMetricsHooks(registry);
  const limit = inFlightLimit(config.httpMaxInFlight, registry);
  const telemetry = requestTelemetryHooks(logger);
  const fastify = app.getHttpAdapter().getInstance();
  // Catch-ups wait for this: the port opens first, and /health/ready says how far they are.
  fastify.addHook('onListen', async () => host.markListening());
  // Telemetry first, so every hook after it and the handler run inside the request's span and log context.
  fastify.addHook('onRequest', telemetry.onRequest);
  fastify.addHook('onResponse', telemetry.onResponse);
  // Metrics next, so a refused request is still counted and timed.
  fastify.addHook('onRequest', hooks.onRequest);
  fastify.addHook('onResponse', hooks.onResponse);
  fastify.addHook('onRequest', limit.onRequest);
  fastify.addHook('onRequest', methodNotAllowedHook(fastify));
  fastify.addHook('onSend', limit.onSend);
  const readiness = app.get(ReadinessRegistry);
  const drain = () => {
    readiness.register('shutdown', () => shuttingDown);
    return limit.drain();
  };
  // Also when the app is closed without a signal (tests): refuse new work, finish what was admitted.
  fastify.addHook('preClose', drain);
  drains.set(app, { app, drain, inFlight: limit.inFlight });
  return app;
};

/**
 * Process entry point: validate settings (exit 1 naming the bad variable),
 * open the app, listen, and close gracefully on SIGTERM/SIGINT.
 */
export const runHttpHost = async (definition: HttpHostDefinition): Promise<void> => {
  const logger = new Logger(definition.name);
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${definition.name}: ${error.message}\n`);
    process.exit(1);
  }
  const tracing = startTracing({ serviceName: definition.name, ...(config.otlpEndpoint ? { otlpEndpoint: config.otlpEndpoint } : {}) });
  let app: NestFastifyApplication;
  try {
    app = await createHttpHost(definition, config);
  } catch (error) {
    process.stderr.write(`${definition.name}: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const host = drains.get(app) ?? { app, drain: () => Promise.resolve(), inFlight: () => 0 };
  closeOnSignals(host, { drainTimeoutMs: config.shutdownDrainTimeoutMs, shutdownTimeoutMs: config.shutdownTimeoutMs }, tracing.shutdown);
  try {
    await app.listen(config.port, config.host);
  } catch (error) {
    process.stderr.write(`${definition.name}: could not listen on HOST=${config.host} PORT=${config.port}: ${error instanceof Error ? error.message : String(error)}\n`);
    await app.close().catch(() => undefined);
    process.exit(1);
  }
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.log(`listening on http://${config.host}:${port} (event store ${redactUrl(config.eventStoreUrl)}); API docs at /api/docs`);
  if (tracing.enabled) logger.log(`tracing: spans exported over OTLP/HTTP to ${config.otlpEndpoint}`);
  const readStoreUnused = config.readStoreUrlSet && definition.usesReadStore !== true
    ? [['READ_STORE_URL', 'only standalone keeps its read models itself; this service reads the ones the projections process keeps in MongoDB'] as const]
    : [];
  for (const [setting, unused] of [...(definition.unusedSettings?.(config) ?? []), ...readStoreUnused]) {
    logger.warn(`${setting} is set but not used: ${unused}`);
  }
};
