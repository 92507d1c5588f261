import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { TestHost } from '@meridian/platform/testing';
import { startTestHost } from '@meridian/platform/testing';
import { customerBody, registerCustomer, tenantA } from '../testing/customer-read-fixtures';
import { customerReadInProcessHost } from '../testing/customer-read.test-host';

type Schema = Record<string, unknown>;
type OpenApiDocument = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>>; components: { schemas: Record<string, Schema> } };

/** OpenAPI 3.0's `nullable` as JSON Schema: the value, or null. */
const asJsonSchema = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(asJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as Schema;
  const converted = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, asJsonSchema(value)]));
  return nullable === true ? { anyOf: [converted, { type: 'null' }] } : converted;
};

let host: TestHost;

beforeAll(async () => {
  host = await startTestHost(customerReadInProcessHost, 'memory:', { READ_WAIT_MAX_MS: '2000' });
});

afterAll(() => host?.close());

describe('customer 360 against its own OpenAPI schema', () => {
  it('answers, for a customer whose contact has no title and nothing else set, exactly what the document declares', async () => {
    const { customerId } = await registerCustomer(host, customerBody('Contoso Untitled'));
    const added = await host.request('POST', `/api/v1/customers/${customerId}/contacts`, { headers: tenantA, body: { name: 'Ada Lovelace', emails: ['ada@contoso.example'] } });
    expect(added.status).toBe(201);
    const { position } = added.body as { position: number };
    const answer = await host.request('GET', `/api/v1/customers/${customerId}/360?minPosition=${position}`, { headers: tenantA });
    expect(answer.status).toBe(200);
    const view = answer.body as { contacts: Record<string, unknown>[] };
    expect(view.contacts).toEqual([expect.objectContaining({ name: 'Ada Lovelace', title: null })]);

    const document = (await host.request('GET', '/api/openapi.json')).body as OpenApiDocument;
    const schema = document.paths['/api/v1/customers/{customerId}/360']?.['get']?.responses['200']?.content?.['application/json']?.schema;
    expect(schema).toBeDefined();
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile({ ...(asJsonSchema(schema) as Schema), components: asJsonSchema(document.components) });
    expect(validate(answer.body) ? [] : validate.errors).toEqual([]);
  });
});
