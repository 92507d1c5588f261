import SwaggerParser from '@apidevtools/swagger-parser';
import type { TestHost } from '@meridian/platform/testing';
import { startTestHost } from '@meridian/platform/testing';
import { customerBody, tenantA } from '../testing/customer-read-fixtures';
import { customerReadOverMongoHost } from '../testing/customer-read.test-host';

type Operation = { parameters?: { in: string; name: string }[]; security?: unknown; responses: Record<string, { content?: Record<string, unknown> }> };
type OpenApiDocument = { paths: Record<string, Record<string, Operation>> };

const someCustomer = '0b7c61d2-6a8e-4f6b-9e0d-1c2b3a4d5e6f';

/** Nothing listens on port 9 (discard): a read store that is down from the start. */
const unreachable = { MONGODB_URL: 'mongodb://127.0.0.1:9/meridian', KAFKA_BROKERS: '127.0.0.1:9' };

describe('customer read API over MongoDB, with the read store down', () => {
  let host: TestHost;

  beforeAll(async () => {
    host = await startTestHost(customerReadOverMongoHost, 'memory:', unreachable);
  });

  afterAll(() => host?.close());

  it('starts without it, answers every query 503 read-store-unavailable, and registration goes on without the duplicate check', async () => {
    // Concurrent: they share the one lazy connection attempt (about 5 s until MongoDB's server selection gives up).
    const [queries, registration] = await Promise.all([
      Promise.all([
        host.request('GET', '/api/v1/customers', { headers: tenantA }),
        host.request('GET', `/api/v1/customers/${someCustomer}/360`, { headers: tenantA }),
        host.request('GET', `/api/v1/customers/${someCustomer}/timeline`, { headers: tenantA }),
        host.request('GET', '/api/v1/customers/segments', { headers: tenantA }),
        host.request('GET', '/api/v1/customers/segments/B/customers', { headers: tenantA }),
        host.request('POST', '/api/v1/customers/segments/reevaluate', { headers: tenantA }),
      ]),
      host.request('POST', '/api/v1/customers', { headers: tenantA, body: customerBody('Tailspin Toys', { emails: ['hi@tailspin.example'] }) }),
    ]);
    for (const response of queries) {
      expect([response.status, response.headers.get('retry-after'), (response.body as { code: string }).code]).toEqual([503, '1', 'read-store-unavailable']);
      expect(response.text).not.toContain('127.0.0.1');
    }
    expect([registration.status, (registration.body as { duplicateCheck: string }).duplicateCheck]).toEqual([201, 'unavailable']);
  }, 30_000);

  it('documents every read route with tenant, read-your-writes inputs and problem+json errors', async () => {
    const document = (await host.request('GET', '/api/openapi.json')).body as OpenApiDocument;
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
    const reads = Object.entries(document.paths)
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, operation })))
      .filter(({ route }) => route.startsWith('GET') || route.includes('segments'))
      // GET /customers/{id} and its contacts read the customer's stream, not a read model.
      .filter(({ route }) => !route.includes('segment-policy') && !['GET /api/v1/customers/{customerId}', 'GET /api/v1/customers/{customerId}/contacts'].includes(route));
    expect(reads.map(({ route }) => route).sort()).toEqual([
      'GET /api/v1/customers',
      'GET /api/v1/customers/segments',
      'GET /api/v1/customers/segments/{segment}/customers',
      'GET /api/v1/customers/{customerId}/360',
      'GET /api/v1/customers/{customerId}/timeline',
      'POST /api/v1/customers/segments/reevaluate',
    ]);
    for (const { route, operation } of reads) {
      const inputs = (operation.parameters ?? []).map((p) => `${p.in}:${p.name}`);
      expect({ route, inputs }).toEqual({ route, inputs: expect.arrayContaining(['header:X-Min-Position', 'query:minPosition']) });
      expect({ route, security: operation.security }).toEqual({ route, security: [route.startsWith('POST') ? { tenant: [], actor: [] } : { tenant: [] }] });
      for (const status of route.includes('{customerId}') ? ['400', '404', '503'] : ['400', '503']) expect({ route, status, content: Object.keys(operation.responses[status]?.content ?? {}) }).toEqual({ route, status, content: ['application/problem+json'] });
    }
  });
});
