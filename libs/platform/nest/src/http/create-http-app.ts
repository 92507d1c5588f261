import type { LogLevel as NestLogLevel } from '@nestjs/common';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { AppConfig, LogLevel } from '../config/app-config';
import type { OpenApiOptions } from './openapi';
import { setupOpenApi } from './openapi';
import { ProblemDetailsFilter } from './problem-details.filter';
import { createValidationPipe } from './validation.pipe';

const nestLevels: Record<LogLevel, readonly NestLogLevel[]> = {
  fatal: ['fatal'],
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  trace: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

export const createLogger = (level: LogLevel): ConsoleLogger =>
  new ConsoleLogger({ json: true, logLevels: [...nestLevels[level]] });

/** Every HTTP host is built the same way: Fastify, validation, problem+json, OpenAPI. */
export const createHttpApp = async (
  rootModule: Parameters<typeof NestFactory.create>[0],
  config: AppConfig,
  openApi: OpenApiOptions,
): Promise<NestFastifyApplication> => {
  const adapter = new FastifyAdapter({ bodyLimit: 1_048_576, return503OnClosing: true });
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, {
    logger: createLogger(config.logLevel),
    abortOnError: false,
  });
  // JSON only: Fastify would otherwise hand a text/plain body to validation as a string.
  app.getHttpAdapter().getInstance().removeContentTypeParser('text/plain');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  setupOpenApi(app, openApi);
  return app;
};

/**
 * SIGTERM/SIGINT: stop accepting, let in-flight requests finish, close the
 * stores, exit. A deadline bounds it so a stuck dependency cannot block a rollout.
 */
export const closeOnSignals = (app: NestFastifyApplication, shutdownTimeoutMs: number): void => {
  const logger = new Logger('shutdown');
  let closing = false;
  const close = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal} received: finishing in-flight work (deadline ${shutdownTimeoutMs} ms)`);
    const deadline = setTimeout(() => {
      logger.error(`shutdown deadline of ${shutdownTimeoutMs} ms passed; exiting with work unfinished`);
      process.exit(1);
    }, shutdownTimeoutMs);
    deadline.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`shutdown failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
};
