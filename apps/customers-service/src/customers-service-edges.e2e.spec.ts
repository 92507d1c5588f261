import SwaggerParser from '@apidevtools/swagger-parser';
import type { CustomersServiceUnderTest } from './testing/customers-service-fixtures';
import {
  fieldsOf, newCustomerBody, problemJson, registerCustomer, startCustomersService, stopCustomersService, tenantA, tenantB, unknownCustomerId,
} from './testing/customers-service-fixtures';

type Operation = { responses: Record<string, { content?: Record<string, unknown> }> };
type OpenApiDocument = { info: { title: string }; paths: Record<string, Record<string, Operation>> };

describe('customers-service request edges on PostgreSQL', () => {
  let service: CustomersServiceUnderTest;
  const host = () => service.host;
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = tenantA) =>
    host().request(method, path, { headers, ...(body === undefined ? {} : { body }) });

  beforeAll(async () => {
    service = await startCustomersService();
  });

  afterAll(() => stopCustomersService(service));

  it('refuses invalid bodies, paths and queries with 400 problem+json naming every bad field, and appends nothing', async () => {
    const before = await host().store.headPosition();
    const bad = newCustomerBody({
      kind: 'robot', name: '  ', size: 'huge', ownerId: 'rep ana', emails: ['ok@acme.example', 'no-at-sign'], phones: ['12'], defaultCountryCode: '44', extra: 1,
    });
    const register = await send('POST', '/api/v1/customers', { ...bad, region: undefined });
    expect([register.status, register.headers.get('content-type')]).toEqual([400, expect.stringContaining(problemJson)]);
    expect(fieldsOf(register.body)).toEqual(['defaultCountryCode', 'emails', 'extra', 'kind', 'name', 'ownerId', 'phones', 'region', 'size']);
    const messages = (register.body as { errors: { field: string; messages: string[] }[] }).errors.find((e) => e.field === 'emails')?.messages;
    expect(messages).toEqual([expect.stringContaining('[1] "no-at-sign"')]);
    expect(fieldsOf((await send('POST', '/api/v1/customers?onDuplicate=ignore', newCustomerBody())).body)).toEqual(['onDuplicate']);

    const customerId = await registerCustomer(host());
    const afterRegister = await host().store.headPosition();
    const base = `/api/v1/customers/${customerId}`;
    const cases: [string, string, unknown, string[]][] = [
      ['PUT', `${base}/profile`, { name: 'ACME', region: 'dach' }, ['emails', 'phones']],
      ['POST', `${base}/contacts`, { name: '', emails: 'jane@acme.example' }, ['emails', 'name']],
      ['PUT', `${base}/contacts/jane`, { name: 'Jane', title: null, emails: [], phones: ['call me'] }, ['phones', 'title']],
      ['PUT', `${base}/groups`, { groups: ['ok', 'not ok'] }, ['groups']],
      ['PUT', `${base}/intent`, { level: 'boiling', reason: ' ' }, ['level', 'reason']],
      ['PUT', `${base}/owner`, {}, ['ownerId']],
      ['POST', `${base}/consents`, { purpose: 'spam', granted: 'yes', source: 'form' }, ['granted', 'purpose']],
      ['POST', `${base}/interactions`, { kind: 'call', occurredAt: '2026-02-30T10:00:00Z', summary: 'x' }, ['occurredAt']],
      ['POST', `${base}/merges`, { mergedCustomerId: 'cust-1' }, ['mergedCustomerId']],
      ['DELETE', `${base}/merges/cust-1`, undefined, ['path:mergedCustomerId']],
      ['PUT', '/api/v1/customers/not-a-uuid/tags/vip', undefined, ['path:customerId']],
      ['PUT', `${base}/tags/%20%20`, undefined, ['path:tag']],
      ['PUT', `${base}/contacts/a%20b`, { name: 'Jane', emails: [], phones: [] }, ['path:contactId']],
    ];
    for (const [method, path, body, fields] of cases) {
      const answer = await send(method, path, body);
      expect({ path, status: answer.status, fields: fieldsOf(answer.body) }).toEqual({ path, status: 400, fields });
    }
    const tenantless = await send('PUT', `${base}/tags/vip`, undefined, { 'x-user-id': 'rep-ana' });
    expect([tenantless.status, fieldsOf(tenantless.body)]).toEqual([401, ['header:X-Tenant-Id']]);
    expect(await host().store.headPosition()).toBe(afterRegister);
    expect(afterRegister).toBe(before + 1);
  });

  it('answers a retried registration with the same Idempotency-Key with the first result, and refuses the key with another body', async () => {
    const headers = { ...tenantA, 'idempotency-key': 'signup-7f3c' };
    const first = await send('POST', '/api/v1/customers', newCustomerBody(), headers);
    const retry = await send('POST', '/api/v1/customers', newCustomerBody(), headers);
    expect([first.status, retry.status, retry.headers.get('idempotent-replayed')]).toEqual([201, 201, 'true']);
    expect(retry.body).toEqual({ ...(first.body as object), replayed: true });
    const { customerId } = first.body as { customerId: string };
    expect(retry.headers.get('location')).toBe(`/api/v1/customers/${customerId}`);
    expect(await host().store.readStream(`customer-${customerId}`)).toHaveLength(1);
    const misuse = await send('POST', '/api/v1/customers', newCustomerBody({ name: 'Other' }), headers);
    expect([misuse.status, misuse.body]).toEqual([422, expect.objectContaining({ code: 'idempotency-key-reused' })]);

    const consent = { purpose: 'profiling', granted: true, source: 'call' };
    const consentHeaders = { ...tenantA, 'idempotency-key': 'consent-1' };
    await send('POST', `/api/v1/customers/${customerId}/consents`, consent, consentHeaders);
    expect((await send('POST', `/api/v1/customers/${customerId}/consents`, consent, consentHeaders)).body).toMatchObject({ revision: 1, replayed: true });
    const interaction = { kind: 'email', occurredAt: '2026-03-04T14:30:00Z', summary: 'Sent the offer' };
    const viaKey = { ...tenantA, 'idempotency-key': 'interaction-1' };
    const recorded = await send('POST', `/api/v1/customers/${customerId}/interactions`, interaction, viaKey);
    expect((await send('POST', `/api/v1/customers/${customerId}/interactions`, interaction, viaKey)).body).toEqual({ ...(recorded.body as object), replayed: true });
    expect(await host().store.readStream(`customer-${customerId}`)).toHaveLength(3);
  });

  it('answers a stale If-Match with 412 and appends nothing, and accepts the current ETag', async () => {
    const customerId = await registerCustomer(host());
    await send('PUT', `/api/v1/customers/${customerId}/tags/vip`);
    const stale = await send('PUT', `/api/v1/customers/${customerId}/owner`, { ownerId: 'rep-bo' }, { ...tenantA, 'if-match': 'W/"0"' });
    expect([stale.status, stale.headers.get('content-type'), stale.body]).toEqual([412, expect.stringContaining(problemJson), expect.objectContaining({ code: 'stale-revision', currentRevision: 1 })]);
    const etag = (await send('GET', `/api/v1/customers/${customerId}`)).headers.get('etag') ?? '';
    expect((await send('PUT', `/api/v1/customers/${customerId}/owner`, { ownerId: 'rep-bo' }, { ...tenantA, 'if-match': etag })).status).toBe(200);
  });

  it("answers 404 for an unknown customer and for another tenant's customer, on reads and commands alike", async () => {
    const customerId = await registerCustomer(host());
    for (const [id, headers] of [[unknownCustomerId, tenantA], [customerId, tenantB]] as const) {
      const read = await send('GET', `/api/v1/customers/${id}`, undefined, headers);
      expect([read.status, read.headers.get('content-type'), read.body]).toEqual([404, expect.stringContaining(problemJson), expect.objectContaining({ code: 'not-found' })]);
      expect((await send('PUT', `/api/v1/customers/${id}/tags/vip`, undefined, headers)).status).toBe(404);
      expect((await send('PUT', `/api/v1/customers/${id}/intent`, { level: 'warm', reason: 'Call back' }, headers)).status).toBe(404);
    }
  });

  it('serves a valid OpenAPI document at /api/openapi.json listing every customer route with problem+json errors', async () => {
    const document = (await send('GET', '/api/openapi.json')).body as OpenApiDocument;
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
    expect(document.info.title).toBe('Meridian customers API');
    const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, operation })));
    const customer = '/api/v1/customers/{customerId}';
    expect(operations.map((o) => o.route).sort()).toEqual([
      `DELETE ${customer}/contacts/{contactId}`, `DELETE ${customer}/merges/{mergedCustomerId}`, `DELETE ${customer}/tags/{tag}`,
      `GET ${customer}`, `GET ${customer}/contacts`, 'GET /api/v1/customers/segment-policy',
      'POST /api/v1/customers', `POST ${customer}/archive`, `POST ${customer}/restore`, `POST ${customer}/consents`, `POST ${customer}/contacts`, `POST ${customer}/interactions`, `POST ${customer}/merges`,
      `PUT ${customer}/contacts/{contactId}`, `PUT ${customer}/groups`, `PUT ${customer}/intent`, `PUT ${customer}/owner`, `PUT ${customer}/profile`,
      `PUT ${customer}/tags/{tag}`, 'PUT /api/v1/customers/segment-policy',
      // Imports are part of the service; the list, 360 and segments join them when MONGODB_URL and KAFKA_BROKERS are set.
      'POST /api/v1/customers/imports', 'GET /api/v1/customers/imports/{importId}',
    ].sort());
    for (const { route, operation } of operations) {
      // The upload is not a JSON command: no Idempotency-Key (its id is the file's hash) and no rule to break, but size and media type limits.
      const statuses = route.startsWith('GET') ? ['400'] : route === 'POST /api/v1/customers/imports' ? ['400', '413', '415', '503'] : ['400', '409', '422'];
      expect({ route, errors: statuses.map((status) => Object.keys(operation.responses[status]?.content ?? {})) })
        .toEqual({ route, errors: statuses.map(() => [problemJson]) });
    }
    expect(Object.keys(document.paths[customer].get.responses).sort()).toEqual(['200', '307', '400', '401', '404']);
    // The contact list answers as the customer read does: a page, a redirect for a merged-away id, a 404.
    expect(Object.keys(document.paths[`${customer}/contacts`].get.responses).sort()).toEqual(Object.keys(document.paths[customer].get.responses).sort());
  });
});
