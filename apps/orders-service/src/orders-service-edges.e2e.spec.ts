import SwaggerParser from '@apidevtools/swagger-parser';
import type { OrdersServiceUnderTest } from './testing/orders-service-fixtures';
import {
  money, newOrderBody, placeOrder, problemJson, startOrdersService, stopOrdersService, tenantA, tenantB, unknownOrderId,
} from './testing/orders-service-fixtures';

type Operation = { parameters?: { in: string; name: string; required?: boolean }[]; responses: Record<string, { content?: Record<string, unknown> }> };
type OpenApiDocument = { info: { title: string }; paths: Record<string, Record<string, Operation>> };

const fieldsOf = (body: unknown): string[] => (body as { errors: { field: string }[] }).errors.map((e) => e.field).sort();

describe('orders-service request edges on PostgreSQL', () => {
  let service: OrdersServiceUnderTest;
  const host = () => service.host;
  const post = (path: string, body?: unknown, headers: Record<string, string> = tenantA) => host().request('POST', path, { headers, ...(body === undefined ? {} : { body }) });

  beforeAll(async () => {
    service = await startOrdersService();
  });

  afterAll(() => stopOrdersService(service));

  it('takes a bodiless command sent with content-type application/json, and still refuses an empty body where one is required', async () => {
    const orderId = await placeOrder(host());
    const json = { ...tenantA, 'content-type': 'application/json' };
    const confirmed = await host().request('POST', `/api/v1/orders/${orderId}/confirmation`, { headers: json, rawBody: '' });
    expect(confirmed.status).toBe(200);
    const empty = await host().request('POST', '/api/v1/orders', { headers: json, rawBody: '' });
    expect(empty.status).toBe(400);
    expect(empty.headers.get('content-type')).toContain(problemJson);
    const malformed = await host().request('POST', '/api/v1/orders', { headers: json, rawBody: '{"customerId": ' });
    expect({ status: malformed.status, code: (malformed.body as { code: string }).code }).toEqual({ status: 400, code: 'malformed-request' });
    const poisoned = await host().request('POST', '/api/v1/orders', { headers: json, rawBody: '{"__proto__": {"admin": true}}' });
    expect(poisoned.status).toBe(400);
  });

  it('refuses invalid bodies with 400 problem+json naming every bad field, and appends nothing', async () => {
    const before = await host().store.headPosition();
    const badLines = [
      { productId: 'sku-1', description: '  ', quantity: 0, unitPrice: money(1) },
      { productId: 'sku-2', description: 'Ok', quantity: 1.5, unitPrice: { amount: -1, currency: 'eur' } },
    ];
    const place = await post('/api/v1/orders', { ...newOrderBody({ currency: 'euro', lines: badLines, extra: 1 }), customerId: undefined });
    expect(place.status).toBe(400);
    expect(place.headers.get('content-type')).toContain(problemJson);
    expect(fieldsOf(place.body)).toEqual([
      'currency', 'customerId', 'extra', 'lines.0.description', 'lines.0.quantity', 'lines.1.quantity', 'lines.1.unitPrice.amount', 'lines.1.unitPrice.currency',
    ]);
    expect(fieldsOf((await post('/api/v1/orders', newOrderBody({ lines: [] }))).body)).toEqual(['lines']);

    const orderId = await placeOrder(host());
    const afterPlace = await host().store.headPosition();
    expect(fieldsOf((await post(`/api/v1/orders/${orderId}/payments`, { amount: { amount: 1.001, currency: 'EUR' }, method: 'cheque' })).body))
      .toEqual(['amount.amount', 'method']);
    expect(fieldsOf((await post(`/api/v1/orders/${orderId}/refunds`, { reason: ' ' })).body)).toEqual(['amount', 'reason']);
    expect(fieldsOf((await post(`/api/v1/orders/${orderId}/cancellation`, {})).body)).toEqual(['reason']);
    expect(fieldsOf((await post('/api/v1/orders/not-a-uuid/confirmation')).body)).toEqual(['path:orderId']);
    const tenantless = await post('/api/v1/orders', newOrderBody(), { 'x-user-id': 'clerk-ada' });
    expect([tenantless.status, fieldsOf(tenantless.body)]).toEqual([401, ['header:X-Tenant-Id']]);
    expect(await host().store.headPosition()).toBe(afterPlace);
    expect(afterPlace).toBe(before + 1);
  });

  it('answers a retried place with the same Idempotency-Key with the first result, and refuses the key with another body', async () => {
    const headers = { ...tenantA, 'idempotency-key': 'place-7f3c' };
    const first = await post('/api/v1/orders', newOrderBody(), headers);
    const retry = await post('/api/v1/orders', newOrderBody(), headers);
    expect([first.status, retry.status]).toEqual([201, 201]);
    const { orderId } = first.body as { orderId: string };
    expect(retry.body).toEqual({ ...(first.body as object), replayed: true });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.headers.get('location')).toBe(`/api/v1/orders/${orderId}`);
    expect(await host().store.readStream(`order-${orderId}`)).toHaveLength(1);

    const misuse = await post('/api/v1/orders', newOrderBody({ customerId: 'cus-other' }), headers);
    expect([misuse.status, misuse.body]).toEqual([422, expect.objectContaining({ code: 'idempotency-key-reused' })]);
  });

  it('records a payment retried with the same Idempotency-Key once, under one derived payment id', async () => {
    const orderId = await placeOrder(host());
    await post(`/api/v1/orders/${orderId}/confirmation`);
    const headers = { ...tenantA, 'idempotency-key': 'pay-attempt-1' };
    const first = await post(`/api/v1/orders/${orderId}/payments`, { amount: money(50), method: 'cash' }, headers);
    const retry = await post(`/api/v1/orders/${orderId}/payments`, { amount: money(50), method: 'cash' }, headers);
    expect((retry.body as { paymentId: string }).paymentId).toBe((first.body as { paymentId: string }).paymentId);
    expect(retry.body).toMatchObject({ replayed: true, revision: 2 });
    expect((await host().request('GET', `/api/v1/orders/${orderId}`, { headers: tenantA })).body).toMatchObject({ paid: money(50) });
  });

  it('answers a stale If-Match with 412 and appends nothing, and accepts the current ETag', async () => {
    const orderId = await placeOrder(host());
    await post(`/api/v1/orders/${orderId}/confirmation`);
    const stale = await post(`/api/v1/orders/${orderId}/cancellation`, { reason: 'Duplicate' }, { ...tenantA, 'if-match': 'W/"0"' });
    expect([stale.status, stale.body]).toEqual([412, expect.objectContaining({ code: 'stale-revision', currentRevision: 1 })]);
    expect(stale.headers.get('content-type')).toContain(problemJson);
    expect(await host().store.readStream(`order-${orderId}`)).toHaveLength(2);
    const etag = (await host().request('GET', `/api/v1/orders/${orderId}`, { headers: tenantA })).headers.get('etag') ?? '';
    expect((await post(`/api/v1/orders/${orderId}/cancellation`, { reason: 'Duplicate' }, { ...tenantA, 'if-match': etag })).status).toBe(200);
  });

  it("answers 404 for an unknown order and for another tenant's order, on reads and commands alike", async () => {
    const orderId = await placeOrder(host());
    for (const [id, headers] of [[unknownOrderId, tenantA], [orderId, tenantB]] as const) {
      const read = await host().request('GET', `/api/v1/orders/${id}`, { headers });
      expect([read.status, read.headers.get('content-type'), read.body]).toEqual([404, expect.stringContaining(problemJson), expect.objectContaining({ code: 'not-found' })]);
      expect((await post(`/api/v1/orders/${id}/confirmation`, undefined, headers)).status).toBe(404);
      expect((await post(`/api/v1/orders/${id}/payments`, { amount: money(1), method: 'card' }, headers)).status).toBe(404);
    }
  });

  it('serves a valid OpenAPI document at /api/openapi.json listing every order route with problem+json errors', async () => {
    const document = (await host().request('GET', '/api/openapi.json')).body as OpenApiDocument;
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
    expect(document.info.title).toBe('Meridian orders API');
    const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, operation })));
    expect(operations.map((o) => o.route).sort()).toEqual([
      'GET /api/v1/orders/{orderId}',
      'POST /api/v1/orders',
      'POST /api/v1/orders/{orderId}/cancellation',
      'POST /api/v1/orders/{orderId}/confirmation',
      'POST /api/v1/orders/{orderId}/payments',
      'POST /api/v1/orders/{orderId}/refunds',
    ]);
    for (const { route, operation } of operations) {
      const statuses = route.startsWith('GET') ? ['400', '404'] : ['400', '409', '422'];
      expect({ route, errors: statuses.map((status) => Object.keys(operation.responses[status]?.content ?? {})) })
        .toEqual({ route, errors: statuses.map(() => [problemJson]) });
    }
  });
});
