import type { CustomersServiceUnderTest } from './testing/customers-service-fixtures';
import {
  getWithoutFollowing, newCustomerBody, problemJson, registerCustomer, startCustomersService, stopCustomersService, tenantA, unknownCustomerId,
} from './testing/customers-service-fixtures';

describe('customers-service merges on PostgreSQL', () => {
  let service: CustomersServiceUnderTest;
  const host = () => service.host;
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = tenantA) =>
    host().request(method, path, { headers, ...(body === undefined ? {} : { body }) });
  const merge = (survivorId: string, mergedCustomerId: string, headers: Record<string, string> = tenantA) =>
    send('POST', `/api/v1/customers/${survivorId}/merges`, { mergedCustomerId, reason: 'Same company' }, headers);
  const typesOf = async (customerId: string) => (await host().store.readStream(`customer-${customerId}`)).map((e) => e.type);
  const lineageOf = async (customerId: string) => ((await send('GET', `/api/v1/customers/${customerId}`)).body as { lineage: unknown }).lineage;
  const twoCustomers = async () => [await registerCustomer(host()), await registerCustomer(host(), newCustomerBody({ name: 'ACME Analytics' }))];

  beforeAll(async () => {
    service = await startCustomersService();
  });

  afterAll(() => stopCustomersService(service));

  it('merges, redirects the absorbed customer to the survivor, refuses its commands, and unmerges', async () => {
    const [survivorId, absorbedId] = await twoCustomers();
    const merged = await merge(survivorId, absorbedId);
    expect([merged.status, merged.headers.get('etag')]).toEqual([200, 'W/"1"']);
    expect(merged.body).toEqual({
      survivor: { customerId: survivorId, revision: 1 }, absorbed: { customerId: absorbedId, revision: 1 }, position: expect.any(Number), replayed: false,
    });

    const redirect = await getWithoutFollowing(host(), `/api/v1/customers/${absorbedId}`);
    expect(redirect).toEqual({
      status: 307, location: `/api/v1/customers/${survivorId}`,
      body: { customerId: absorbedId, mergedInto: survivorId, location: `/api/v1/customers/${survivorId}` },
    });
    expect(await lineageOf(survivorId)).toEqual({ absorbed: [absorbedId] });

    const refused = await send('PUT', `/api/v1/customers/${absorbedId}/tags/vip`);
    expect([refused.status, refused.headers.get('content-type'), refused.body]).toEqual([
      409, expect.stringContaining(problemJson), expect.objectContaining({ code: 'customer-merged', survivorId }),
    ]);
    // The survivor the URL names is asked first: an unknown one is a 404, whatever the absorbed customer's state.
    expect((await merge(unknownCustomerId, absorbedId)).status).toBe(404);

    const unmerged = await send('DELETE', `/api/v1/customers/${survivorId}/merges/${absorbedId}`);
    expect([unmerged.status, unmerged.body]).toEqual([200, expect.objectContaining({ survivor: { customerId: survivorId, revision: 2 }, absorbed: { customerId: absorbedId, revision: 2 } })]);
    expect(await lineageOf(absorbedId)).toEqual({ absorbed: [] });
    expect(await lineageOf(survivorId)).toEqual({ absorbed: [] });
    expect((await send('PUT', `/api/v1/customers/${absorbedId}/tags/vip`)).status).toBe(200);
    expect(await typesOf(survivorId)).toEqual(['CustomerRegistered', 'CustomersMerged', 'CustomersUnmerged']);
    expect(await typesOf(absorbedId)).toEqual(['CustomerRegistered', 'CustomerMergedInto', 'CustomerMergeReverted', 'CustomerTagged']);
  });

  it('touches neither customer when the survivor refuses (merged away, unknown)', async () => {
    const [survivorId, absorbedId] = await twoCustomers();
    const top = await registerCustomer(host());
    expect((await merge(top, survivorId)).status).toBe(200);

    const refused = await merge(survivorId, absorbedId);
    expect([refused.status, refused.body]).toEqual([409, expect.objectContaining({ code: 'merge-not-allowed', survivorId: top })]);
    expect(await lineageOf(absorbedId)).toEqual({ absorbed: [] });
    expect(await lineageOf(top)).toEqual({ absorbed: [survivorId] });
    expect(await typesOf(absorbedId)).toEqual(['CustomerRegistered']);

    const intoNobody = await merge(unknownCustomerId, absorbedId);
    expect([intoNobody.status, intoNobody.body]).toEqual([404, expect.objectContaining({ code: 'not-found' })]);
    expect(await lineageOf(absorbedId)).toEqual({ absorbed: [] });
  });

  it('refuses to merge a customer that is already merged into another, or an unknown one, touching nothing', async () => {
    const [first, second] = await twoCustomers();
    const absorbedId = await registerCustomer(host());
    await merge(first, absorbedId);
    const again = await merge(second, absorbedId);
    expect([again.status, again.body]).toEqual([409, expect.objectContaining({ code: 'merge-not-allowed', survivorId: first })]);
    expect((await merge(second, unknownCustomerId)).status).toBe(404);
    expect(await typesOf(second)).toEqual(['CustomerRegistered']);
  });

  it('answers a retried merge with the same Idempotency-Key with the first result, and a retry without one appends nothing', async () => {
    const [survivorId, absorbedId] = await twoCustomers();
    const headers = { ...tenantA, 'idempotency-key': 'merge-acme-twins' };
    const first = await merge(survivorId, absorbedId, headers);
    const retry = await merge(survivorId, absorbedId, headers);
    expect([retry.status, retry.headers.get('idempotent-replayed'), retry.body]).toEqual([200, 'true', { ...(first.body as object), replayed: true }]);
    expect((await merge(survivorId, absorbedId)).body).toMatchObject({ survivor: { revision: 1 }, absorbed: { revision: 1 }, replayed: false });
    expect([await typesOf(survivorId), await typesOf(absorbedId)]).toEqual([['CustomerRegistered', 'CustomersMerged'], ['CustomerRegistered', 'CustomerMergedInto']]);
  });

  it('answers a retry of a refused merge with the refusal while it holds, and merges once the survivor accepts (the refusal changed nothing)', async () => {
    const [survivorId, absorbedId] = await twoCustomers();
    const top = await registerCustomer(host());
    await merge(top, survivorId);
    const headers = { ...tenantA, 'idempotency-key': 'merge-refused-once' };
    expect((await merge(survivorId, absorbedId, headers)).body).toMatchObject({ code: 'merge-not-allowed', survivorId: top });
    expect((await merge(survivorId, absorbedId, headers)).body).toMatchObject({ code: 'merge-not-allowed', survivorId: top });
    expect(await typesOf(absorbedId)).toEqual(['CustomerRegistered']);
    await send('DELETE', `/api/v1/customers/${top}/merges/${survivorId}`);
    expect((await merge(survivorId, absorbedId, headers)).status).toBe(200);
    expect(await typesOf(absorbedId)).toEqual(['CustomerRegistered', 'CustomerMergedInto']);
  });

  it('answers a stale If-Match on the survivor with 412 and leaves the other customer as it was', async () => {
    const [survivorId, absorbedId] = await twoCustomers();
    await send('PUT', `/api/v1/customers/${survivorId}/tags/vip`);
    const stale = await merge(survivorId, absorbedId, { ...tenantA, 'if-match': 'W/"0"' });
    expect([stale.status, stale.body]).toEqual([412, expect.objectContaining({ code: 'stale-revision', currentRevision: 1 })]);
    expect(await lineageOf(absorbedId)).toEqual({ absorbed: [] });
    expect((await merge(survivorId, absorbedId, { ...tenantA, 'if-match': 'W/"1"' })).status).toBe(200);
  });
});
