import { connect } from 'node:net';
import type { HttpResponse, TestHost } from '@meridian/platform/testing';
import { startTestHost } from '@meridian/platform/testing';
import { standaloneHost } from './standalone.host';
import { newOpportunityBody, tenantA } from './testing/opportunity-fixtures';
import type { StoreUnderTest } from './testing/stores-under-test';
import { storesUnderTest } from './testing/stores-under-test';

const problemJson = 'application/problem+json';
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const orderBody = (unitPrice: unknown = eur(10)) => ({
  customerId: 'cus-1001',
  currency: 'EUR',
  lines: [{ productId: 'sku-1', description: 'Desk', quantity: 1, unitPrice }],
});
const segmentPolicy = (highAverageOrderValue: unknown) => ({ windowDays: 90, currency: 'EUR', highAverageOrderValue, highPurchaseCount: 3 });

/** Bodies every service parses the same way (one JSON parser, one validation pipe): each must be a 400 naming the field. */
describe('request bodies that once answered 500 (embedded store)', () => {
  const [, provideStore] = storesUnderTest[0]!;
  let store: StoreUnderTest;
  let host: TestHost;
  let opportunityId: string;
  let orderId: string;

  beforeAll(async () => {
    store = await provideStore();
    host = await startTestHost(standaloneHost, store.url);
    opportunityId = ((await host.request('POST', '/api/v1/opportunities', { headers: tenantA, body: newOpportunityBody() })).body as { opportunityId: string }).opportunityId;
    orderId = ((await host.request('POST', '/api/v1/orders', { headers: tenantA, body: orderBody() })).body as { orderId: string }).orderId;
    await host.request('POST', `/api/v1/orders/${orderId}/confirmation`, { headers: tenantA });
  });

  afterAll(async () => {
    await host?.close();
    await store?.dispose();
  });

  const expectFieldRefused = async (send: () => Promise<HttpResponse>, field: string | readonly string[]) => {
    const before = await host.store.headPosition();
    const answer = await send();
    const body = answer.body as { code?: string; errors?: { field: string }[] };
    expect({ status: answer.status, type: answer.headers.get('content-type'), code: body?.code, fields: body?.errors?.map((e) => e.field) })
      .toEqual({ status: 400, type: expect.stringContaining(problemJson), code: 'validation-failed', fields: [field].flat() });
    expect(await host.store.headPosition()).toBe(before);
  };

  const post = (path: string, body: unknown) => () => host.request('POST', path, { headers: tenantA, body });
  const put = (path: string, body: unknown) => () => host.request('PUT', path, { headers: tenantA, body });

  describe('a money amount too small to write with two decimals (1e-7)', () => {
    const tiny = 0.0000001;
    it.each([
      ['opening an opportunity', () => post('/api/v1/opportunities', newOpportunityBody({ amount: eur(tiny) })), 'amount.amount'],
      ['revising its amount', () => post(`/api/v1/opportunities/${opportunityId}/revise-amount`, { amount: eur(tiny) }), 'amount.amount'],
      ['winning it', () => post(`/api/v1/opportunities/${opportunityId}/change-stage`, { toStage: 'won', finalAmount: eur(tiny) }), 'finalAmount.amount'],
      ['placing an order', () => post('/api/v1/orders', orderBody(eur(tiny))), 'lines.0.unitPrice.amount'],
      ['paying an order', () => post(`/api/v1/orders/${orderId}/payments`, { amount: eur(tiny), method: 'card' }), 'amount.amount'],
      ['refunding an order', () => post(`/api/v1/orders/${orderId}/refunds`, { amount: eur(tiny), reason: 'Damaged' }), 'amount.amount'],
      ['setting the segment policy', () => put('/api/v1/customers/segment-policy', segmentPolicy(eur(tiny))), 'highAverageOrderValue.amount'],
    ])('is refused when %s', async (_when, request, field) => {
      await expectFieldRefused(request(), field);
    });
  });

  describe('JSON nested deeper than any request needs', () => {
    const nestedArrays = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
    const nestedObjects = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
    const withUnknownField = (nested: string) => JSON.stringify(newOpportunityBody()).replace(/^\{/, `{"deep":${nested},`);
    it.each([
      ['3,000 levels of arrays', nestedArrays(3_000)],
      ['3,000 levels of objects', nestedObjects(3_000)],
      ['100,000 levels of arrays', nestedArrays(100_000)],
    ])('is refused naming the field that holds it: %s', async (_what, nested) => {
      await expectFieldRefused(() => host.request('POST', '/api/v1/opportunities', { headers: tenantA, rawBody: withUnknownField(nested) }), 'deep');
    });
  });

  describe('a lone UTF-16 surrogate, which no event store can keep as JSON', () => {
    const lone = '\ud800x';
    const customer = { kind: 'company', name: lone, region: 'emea', ownerId: 'rep-ada' };
    it.each([
      ['an opportunity name', () => post('/api/v1/opportunities', newOpportunityBody({ name: lone })), 'name'],
      ['an activity subject', () => post(`/api/v1/opportunities/${opportunityId}/log-activity`, { kind: 'note', subject: `ok ${lone}` }), 'subject'],
      ['an order line description', () => post('/api/v1/orders', { ...orderBody(), lines: [{ ...orderBody().lines[0], description: lone }] }), 'lines.0.description'],
      ['a refund reason', () => post(`/api/v1/orders/${orderId}/refunds`, { amount: eur(1), reason: lone }), 'reason'],
      ['a customer name', () => post('/api/v1/customers', customer), 'name'],
      ['a low surrogate in a customer email', () => post('/api/v1/customers', { ...customer, name: 'Initech', emails: ['a\udc00@initech.example'] }), 'emails.0'],
      ['an unknown field name', () => post('/api/v1/opportunities', { ...newOpportunityBody(), [lone]: 1 }), lone],
    ])('is refused in %s, naming the field', async (_where, request, field) => {
      await expectFieldRefused(request(), field);
    });

    it('still takes surrogate pairs (characters beyond the BMP)', async () => {
      const answer = await host.request('POST', `/api/v1/opportunities/${opportunityId}/log-activity`, { headers: tenantA, body: { kind: 'note', subject: 'Signed \ud83d\udc4d' } });
      expect(answer.status).toBe(200);
    });
  });

  describe('a method the path does not declare', () => {
    it.each([
      ['DELETE', () => `/api/v1/opportunities/${opportunityId}`, 'GET, HEAD'],
      ['PUT', () => `/api/v1/opportunities/${opportunityId}/change-stage`, 'POST'],
      ['PATCH', () => '/api/v1/orders', 'GET, HEAD, POST'],
      ['POST', () => '/api/v1/customers/segment-policy', 'GET, HEAD, PUT'],
    ])('%s answers 405 problem+json with Allow listing the declared methods', async (method, path, allow) => {
      const before = await host.store.headPosition();
      const answer = await host.request(method, path(), { headers: tenantA, body: { toStage: 'qualified' } });
      expect({ status: answer.status, allow: answer.headers.get('allow'), type: answer.headers.get('content-type'), code: (answer.body as { code?: string }).code })
        .toEqual({ status: 405, allow, type: expect.stringContaining(problemJson), code: 'method-not-allowed' });
      expect(await host.store.headPosition()).toBe(before);
    });

    it('answers 405 before reading the body, so an unparsable one does not make it a 400', async () => {
      const answer = await host.request('PUT', `/api/v1/opportunities/${opportunityId}`, { headers: tenantA, rawBody: '{"name":' });
      expect([answer.status, answer.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
    });

    it('lists only the methods of the most specific path: /customers/imports is not GET /customers/{customerId}', async () => {
      const answer = await host.request('OPTIONS', '/api/v1/customers/imports', { headers: tenantA });
      expect([answer.status, answer.headers.get('allow')]).toEqual([405, 'POST']);
      // GET would match /customers/{customerId} with the id "imports": the concrete path wins, so it is 405 too.
      const get = await host.request('GET', '/api/v1/customers/imports', { headers: tenantA });
      expect([get.status, get.headers.get('allow'), (get.body as { code?: string }).code]).toEqual([405, 'POST', 'method-not-allowed']);
    });

    it('still answers 404 on a path no method declares', async () => {
      const answer = await host.request('DELETE', '/api/v1/nowhere', { headers: tenantA });
      expect([answer.status, answer.headers.get('allow')]).toEqual([404, null]);
    });
  });

  describe('a three-letter currency that ISO 4217 does not list (ZZZ)', () => {
    const zzz = (amount: number) => ({ amount, currency: 'ZZZ' });
    it.each([
      ['opening an opportunity', () => post('/api/v1/opportunities', newOpportunityBody({ amount: zzz(10) })), 'amount.currency'],
      ['revising its amount', () => post(`/api/v1/opportunities/${opportunityId}/revise-amount`, { amount: zzz(10) }), 'amount.currency'],
      ['winning it', () => post(`/api/v1/opportunities/${opportunityId}/change-stage`, { toStage: 'won', finalAmount: zzz(10) }), 'finalAmount.currency'],
      ['placing an order (its currency)', () => post('/api/v1/orders', { ...orderBody(), currency: 'ZZZ' }), 'currency'],
      ['placing an order (a unit price)', () => post('/api/v1/orders', orderBody(zzz(10))), 'lines.0.unitPrice.currency'],
      ['paying an order', () => post(`/api/v1/orders/${orderId}/payments`, { amount: zzz(1), method: 'card' }), 'amount.currency'],
      ['refunding an order', () => post(`/api/v1/orders/${orderId}/refunds`, { amount: zzz(1), reason: 'Damaged' }), 'amount.currency'],
      ['setting the segment policy', () => put('/api/v1/customers/segment-policy', { ...segmentPolicy(zzz(10)), currency: 'ZZZ' }), ['currency', 'highAverageOrderValue.currency']],
    ])('is refused when %s', async (_when, request, fields) => {
      await expectFieldRefused(request(), fields);
    });

    // Answers keep a plain string: events recorded before this rule may hold other codes, and reads must still show them.
    it('states the code list in the OpenAPI document, as the enum every request currency refers to', async () => {
      type Schema = { enum?: string[]; $ref?: string; allOf?: Schema[]; properties?: Record<string, Schema> };
      const document = (await host.request('GET', '/api/openapi.json')).body as { components: { schemas: Record<string, Schema> } };
      const schemas = document.components.schemas;
      expect(schemas['CurrencyCode']?.enum).toEqual(Intl.supportedValuesOf('currency'));
      expect(schemas['CurrencyCode']?.enum).not.toContain('ZZZ');
      const requestSchemas = Object.entries(schemas).filter(([name]) => name.endsWith('Dto'));
      const currencyRefs = requestSchemas.flatMap(([name, schema]) =>
        Object.entries(schema.properties ?? {}).filter(([property]) => property === 'currency').map(([, currency]) => [name, currency.$ref ?? currency.allOf?.[0]?.$ref]));
      expect(currencyRefs.map(([name]) => name).sort()).toEqual(['MoneyDto', 'OrderMoneyDto', 'PlaceOrderDto', 'SetSegmentPolicyDto', 'ThresholdMoneyDto']);
      expect(currencyRefs).toEqual(currencyRefs.map(([name]) => [name, '#/components/schemas/CurrencyCode']));
    });
  });

  describe('requests Fastify or Node refuse before any route runs', () => {
    const expectProblem = (answer: { status: number; headers: { get(name: string): string | null }; body: unknown }, status: number, code: string) => {
      expect({ status: answer.status, type: answer.headers.get('content-type'), code: (answer.body as { code?: string }).code })
        .toEqual({ status, type: expect.stringContaining(problemJson), code });
    };

    it('answers a malformed percent-encoding in the path with 400 problem+json', async () => {
      expectProblem(await host.request('GET', '/api/v1/customers/%E0%A4%A', { headers: tenantA }), 400, 'malformed-url');
    });

    it('answers a path segment longer than any id with 414 problem+json', async () => {
      expectProblem(await host.request('GET', `/api/v1/opportunities/${'x'.repeat(1100)}`, { headers: tenantA }), 414, 'path-segment-too-long');
    });

    it('answers bytes that are no HTTP request (a control character in a header) with 400 problem+json', async () => {
      const { port } = new URL(host.baseUrl);
      const reply = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => socket.write('GET /health/live HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0001b\r\n\r\n'));
        let received = '';
        socket.on('data', (chunk) => (received += chunk.toString()));
        socket.on('end', () => resolve(received));
        socket.on('error', reject);
      });
      const [head, body] = reply.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 400 /);
      expect(head).toContain(`Content-Type: ${problemJson}`);
      expect(JSON.parse(body!)).toMatchObject({ status: 400, code: 'malformed-request' });
    });
  });
});
