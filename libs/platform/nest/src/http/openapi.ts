import type { INestApplication } from '@nestjs/common';
import { applyDecorators } from '@nestjs/common';
import { ApiResponse, ApiSecurity, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { publishBodySchemas } from './openapi-bodies';
import { addResponseLinks } from './openapi-links';
import { problemContentType } from './problem-details';
import { correlationIdHeader, documentedHeader, idempotencyKeyHeader, ifMatchHeader, tenantIdHeader, userIdHeader } from './request-headers';

const problemSchema: SchemaObject = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', example: 'urn:meridian:problem:stage-unchanged' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', description: 'Stable, machine-readable reason' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { field: { type: 'string' }, messages: { type: 'array', items: { type: 'string' } } },
      },
    },
  },
};

const problemResponse = (status: number, description: string) =>
  ApiResponse({ status, description, content: { [problemContentType]: { schema: problemSchema } } });

/**
 * Until OIDC lands, who acts for whom is said by two headers, published as the
 * API's security schemes (`tenant`, `actor`): a request without them, or with
 * one malformed, is 401. Their rules are in the schemes' descriptions.
 */
const actingFor = ApiSecurity({ tenant: [], actor: [] });
const tenantOnly = ApiSecurity({ tenant: [] });
const unidentified = problemResponse(401, 'X-Tenant-Id or X-User-Id missing or malformed (field errors listed)');

export const securitySchemes = {
  tenant: {
    type: 'apiKey',
    in: 'header',
    name: tenantIdHeader.name,
    description: `${tenantIdHeader.description}. ${tenantIdHeader.message.replace(/^must be/, 'Must be')}: pattern ${String(tenantIdHeader.schema.pattern)}`,
  },
  actor: {
    type: 'apiKey',
    in: 'header',
    name: userIdHeader.name,
    description: `${userIdHeader.description}. ${userIdHeader.message.replace(/^must be/, 'Must be')}: pattern ${String(userIdHeader.schema.pattern)}`,
  },
} as const;

/** Headers and error answers shared by every command endpoint. */
export const CommandEndpoint = (options: { creates?: boolean } = {}) =>
  applyDecorators(
    actingFor,
    unidentified,
    documentedHeader(correlationIdHeader),
    documentedHeader(idempotencyKeyHeader),
    ...(options.creates ? [] : [documentedHeader(ifMatchHeader)]),
    problemResponse(400, 'Invalid body, path or header (field errors listed)'),
    problemResponse(413, 'Body larger than 1 MiB'),
    problemResponse(415, 'Body is not application/json'),
    ...(options.creates ? [] : [problemResponse(404, 'No such resource for this tenant'), problemResponse(412, 'If-Match is stale')]),
    problemResponse(409, 'A business rule refused the command (see `code`)'),
    problemResponse(422, 'Idempotency-Key reused with a different request'),
  );

/** Headers and error answers shared by every query endpoint. */
export const QueryEndpoint = () =>
  applyDecorators(
    tenantOnly,
    unidentified,
    problemResponse(400, 'Invalid path, query or header'),
    problemResponse(404, 'No such resource for this tenant'),
  );

/** Who acts for whom, for an endpoint that states its other headers and answers itself (a CSV upload, say). */
export const ActingForEndpoint = () => applyDecorators(actingFor, unidentified);

/**
 * Headers and error answers of queries served from an eventually consistent
 * read model; `acting` for one that also appends (and so needs the user too).
 */
export const ReadModelQueryEndpoint = (options: { acting?: boolean } = {}) =>
  applyDecorators(
    options.acting ? actingFor : tenantOnly,
    unidentified,
    problemResponse(400, 'Invalid query or header (field errors listed)'),
    problemResponse(409, 'position-not-issued: minPosition is above the event store\'s newest position, so no command answered it'),
    problemResponse(503, 'The read model did not reach X-Min-Position in time, or its store is unavailable (Retry-After)'),
  );

/** Headers every successful command answer carries. */
export const commandResponseHeaders = {
  ETag: { description: 'W/"<revision>": send it back as If-Match to make the next command conditional', schema: { type: 'string' } },
  'Idempotent-Replayed': { description: 'true when an Idempotency-Key retry returned the first result', schema: { type: 'string' } },
};

export type OpenApiOptions = Readonly<{ title: string; description: string; version: string }>;

/** Swagger UI at /api/docs, the document at /api/openapi.json. */
export const setupOpenApi = (app: INestApplication, options: OpenApiOptions): OpenAPIObject => {
  const config = new DocumentBuilder()
    .setTitle(options.title)
    .setDescription(options.description)
    .setVersion(options.version)
    .addApiKey(securitySchemes.tenant, 'tenant')
    .addApiKey(securitySchemes.actor, 'actor')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  publishBodySchemas(app, document);
  addResponseLinks(document);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/openapi.json', yamlDocumentUrl: 'api/openapi.yaml' });
  return document;
};
