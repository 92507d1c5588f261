import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { ProcessLogger } from '@meridian/platform/telemetry';
import { PinoNestLogger } from '../logging/pino-nest-logger';
import type { OpenApiOptions } from './openapi';
import { setupOpenApi } from './openapi';
import { clientErrorHandler, frameworkErrors, maxPathSegmentLength } from './framework-errors';
import { jsonBodyViolation } from './json-body-rules';
import { RequestValidationFailed } from './problem-details';
import { ProblemDetailsFilter } from './problem-details.filter';
import { createValidationPipe } from './validation.pipe';

/** Every HTTP host is built the same way: Fastify, JSON logs, validation, problem+json, OpenAPI. */
export const createHttpApp = async (
  rootModule: Parameters<typeof NestFactory.create>[0],
  openApi: OpenApiOptions,
  logger: ProcessLogger,
): Promise<NestFastifyApplication> => {
  // Refusing during shutdown is the in-flight limit's job (problem+json with Retry-After); Fastify's own 503 is neither.
  // 'idle': closing the server also closes its idle keep-alive connections instead of waiting out their timeout.
  const adapter = new FastifyAdapter({
    bodyLimit: 1_048_576,
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    routerOptions: { maxParamLength: maxPathSegmentLength },
    frameworkErrors,
    clientErrorHandler,
  });
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
    // The JSON parser is ours (below); Nest's would replace it at init.
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  // JSON only: Fastify would otherwise hand a text/plain body to validation as a string.
  fastify.removeContentTypeParser('text/plain');
  // A bodiless command (confirm an order, tag a customer) sent with `content-type: application/json`, as many
  // clients do, is no body rather than malformed JSON; anything else goes to Fastify's own parser, which also
  // refuses prototype-poisoning keys.
  const strictJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  // Parsed bodies are checked here, before class-transformer and the event store see them (jsonBodyViolation).
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body.length === 0) return done(null, undefined);
    strictJson(request, body.toString(), (error, parsed) => {
      if (error) return done(error);
      const violation = jsonBodyViolation(parsed);
      return violation ? done(new RequestValidationFailed([violation])) : done(null, parsed);
    });
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  setupOpenApi(app, openApi);
  return app;
};
