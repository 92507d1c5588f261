import SwaggerParser from '@apidevtools/swagger-parser';
import type { TestHost } from '@meridian/platform/testing';
import { startTestHost } from '@meridian/platform/testing';
import { opportunitiesServiceHost } from './opportunities-service.host';

type Operation = { parameters?: { in: string; name: string; required?: boolean }[]; security?: unknown; responses: Record<string, { content?: Record<string, unknown> }> };
type OpenApiDocument = { paths: Record<string, Record<string, Operation>>; components?: { securitySchemes?: Record<string, unknown> } };

const operationsOf = (document: OpenApiDocument) =>
  Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
  );

/** The published contract of the service must be valid OpenAPI and describe the routes the code serves. */
describe('opportunities-service OpenAPI document', () => {
  let host: TestHost;
  let document: OpenApiDocument;

  beforeAll(async () => {
    // With the read store configured, so the read-model queries are part of the document too.
    host = await startTestHost(opportunitiesServiceHost, 'memory:', { MONGODB_URL: process.env.MONGODB_URL ?? '', KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '' });
    document = (await host.request('GET', '/api/openapi.json')).body as OpenApiDocument;
  });

  afterAll(() => host?.close());

  it('is a valid OpenAPI document', async () => {
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  it('documents every opportunity command, the read, the activities, the list and the funnel', () => {
    const documented = operationsOf(document).map(({ method, path }) => `${method} ${path}`).sort();
    expect(documented).toEqual([
      'GET /api/v1/analytics/funnel',
      'GET /api/v1/opportunities',
      'GET /api/v1/opportunities/{opportunityId}',
      'GET /api/v1/opportunities/{opportunityId}/activities',
      'POST /api/v1/opportunities',
      'POST /api/v1/opportunities/{opportunityId}/archive',
      'POST /api/v1/opportunities/{opportunityId}/change-stage',
      'POST /api/v1/opportunities/{opportunityId}/log-activity',
      'POST /api/v1/opportunities/{opportunityId}/reassign-owner',
      'POST /api/v1/opportunities/{opportunityId}/reopen',
      'POST /api/v1/opportunities/{opportunityId}/reschedule-close',
      'POST /api/v1/opportunities/{opportunityId}/restore',
      'POST /api/v1/opportunities/{opportunityId}/revise-amount',
    ]);
  });

  it('declares who acts for whom (the tenant and, for commands, the user) and problem+json errors on every operation', () => {
    expect(Object.keys(document.components?.securitySchemes ?? {}).sort()).toEqual(['actor', 'tenant']);
    for (const { method, path, operation } of operationsOf(document)) {
      const security = method === 'GET' ? [{ tenant: [] }] : [{ tenant: [], actor: [] }];
      expect({ operation: `${method} ${path}`, security: operation.security }).toEqual({ operation: `${method} ${path}`, security });
      const readModelQuery = method === 'GET' && !path.includes('{');
      const errorStatuses = readModelQuery ? ['400', '401', '503'] : method === 'GET' ? ['400', '401', '404'] : ['400', '401', '409', '422'];
      for (const status of errorStatuses) {
        expect(Object.keys(operation.responses[status]?.content ?? {})).toEqual(['application/problem+json']);
      }
    }
  });

  it('declares the read-your-writes inputs on the read-model queries', () => {
    for (const { method, path, operation } of operationsOf(document).filter((o) => o.method === 'GET' && !o.path.includes('{'))) {
      const names = (operation.parameters ?? []).map((p) => `${p.in}:${p.name}`);
      expect({ operation: `${method} ${path}`, names }).toEqual({ operation: `${method} ${path}`, names: expect.arrayContaining(['header:X-Min-Position', 'query:minPosition']) });
    }
  });

  it('describes only routes the service really serves', async () => {
    for (const { method, path } of operationsOf(document)) {
      const concrete = path.replace('{opportunityId}', '00000000-0000-4000-8000-000000000000');
      const response = await host.request(method, concrete, method === 'POST' ? { body: {} } : {});
      // No tenant header: a served route answers 401 naming it; an unknown route would answer 404.
      expect({ route: `${method} ${path}`, status: response.status }).toEqual({ route: `${method} ${path}`, status: 401 });
    }
  });
});

describe('opportunities-service health endpoints', () => {
  let host: TestHost;

  beforeAll(async () => {
    host = await startTestHost(opportunitiesServiceHost, 'memory:');
  });

  afterAll(() => host?.close());

  it('answers live without checking dependencies, and ready once the event store answers', async () => {
    const live = await host.request('GET', '/health/live');
    expect([live.status, (live.body as { status: string }).status]).toEqual([200, 'ok']);
    const ready = await host.request('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ok', details: { eventStore: { status: 'up', headPosition: 0 } } });
  });

  it('keeps the probes out of the OpenAPI document', async () => {
    const document = (await host.request('GET', '/api/openapi.json')).body as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths).filter((path) => path.startsWith('/health'))).toEqual([]);
  });
});
