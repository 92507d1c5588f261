import type { CustomersServiceUnderTest } from './testing/customers-service-fixtures';
import { newCustomerBody, problemJson, startCustomersService, stopCustomersService, tenantA } from './testing/customers-service-fixtures';
import { FakeCustomerDirectory } from './testing/fake-customer-directory';

const sameEmail = '7d3c1f0e-5b8a-4e2f-9c61-0a4b2d8e6f13';
const similarName = '2b9e4a71-c3d5-4f86-8e0a-6d1f3b5c7e92';
const company = (customerId: string, name: string, emails: string[] = [], phones: string[] = []) =>
  ({ customerId, kind: 'company', name, region: 'dach', emails, phones }) as const;

describe('customers-service duplicate detection on PostgreSQL', () => {
  const directory = new FakeCustomerDirectory();
  let withDirectory: CustomersServiceUnderTest;
  let withoutDirectory: CustomersServiceUnderTest;
  const register = (service: CustomersServiceUnderTest, query = '', body: unknown = newCustomerBody()) =>
    service.host.request('POST', `/api/v1/customers${query}`, { headers: tenantA, body });

  beforeAll(async () => {
    [withDirectory, withoutDirectory] = await Promise.all([startCustomersService(directory), startCustomersService()]);
    directory.add('acme', company(sameEmail, 'Acme Holding', ['jdoe@gmail.com']));
    directory.add('acme', company(similarName, 'Acme Analytics', [], ['+4930999999']));
    directory.add('acme', company('5f0c2e8d-1a3b-4c7e-9d2f-8b6a4e0c1d35', 'Globex', [], ['+15550100000']));
    directory.add('globex', company('9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', 'ACME Analytics GmbH', ['sales@acme.example']));
  });

  afterAll(async () => {
    await Promise.all([stopCustomersService(withDirectory), stopCustomersService(withoutDirectory)]);
  });

  beforeEach(() => {
    directory.failing = false;
  });

  it('registers and lists possible duplicates, strong first, probing the directory with normalised emails and phones', async () => {
    const registered = await register(withDirectory);
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({
      duplicateCheck: 'completed',
      possibleDuplicates: [
        { customerId: sameEmail, name: 'Acme Holding', strength: 'strong', reasons: ['email'], nameSimilarity: expect.any(Number) },
        { customerId: similarName, name: 'Acme Analytics', strength: 'likely', reasons: ['similar-name'], nameSimilarity: 1 },
      ],
    });
    expect((registered.body as { possibleDuplicates: unknown[] }).possibleDuplicates).toHaveLength(2);
    expect(directory.probes.at(-1)).toEqual({
      tenantId: 'acme',
      probe: { name: 'ACME Analytics GmbH', region: 'dach', emails: ['sales@acme.example', 'jdoe@gmail.com'], phones: ['+15550104477'] },
    });
  });

  it('refuses with 409 likely-duplicate, listing the strong duplicates, under onDuplicate=reject, and appends nothing', async () => {
    const before = await withDirectory.host.store.headPosition();
    const refused = await register(withDirectory, '?onDuplicate=reject');
    expect([refused.status, refused.headers.get('content-type')]).toEqual([409, expect.stringContaining(problemJson)]);
    expect(refused.body).toMatchObject({ status: 409, code: 'likely-duplicate', duplicates: [{ customerId: sameEmail, strength: 'strong', reasons: ['email'] }] });
    expect((refused.body as { duplicates: unknown[] }).duplicates).toHaveLength(1);
    expect(await withDirectory.host.store.headPosition()).toBe(before);

    const onlyLikely = await register(withDirectory, '?onDuplicate=reject', newCustomerBody({ emails: ['hello@acme-analytics.example'], phones: [] }));
    expect([onlyLikely.status, onlyLikely.body]).toEqual([201, expect.objectContaining({ possibleDuplicates: [expect.objectContaining({ customerId: similarName })] })]);
  });

  it('still registers when the directory fails, saying the check was unavailable; a rejecting request gets 503 instead', async () => {
    directory.failing = true;
    const registered = await register(withDirectory);
    expect([registered.status, registered.body]).toEqual([201, expect.objectContaining({ duplicateCheck: 'unavailable' })]);
    expect(registered.body).not.toHaveProperty('possibleDuplicates');
    const before = await withDirectory.host.store.headPosition();
    const refused = await register(withDirectory, '?onDuplicate=reject');
    expect([refused.status, refused.headers.get('retry-after'), refused.body]).toEqual([503, '1', expect.objectContaining({ code: 'read-store-unavailable' })]);
    expect(await withDirectory.host.store.headPosition()).toBe(before);
  });

  it('says the check was unavailable when the service has no directory, and refuses onDuplicate=reject with 503', async () => {
    const registered = await register(withoutDirectory);
    expect([registered.status, registered.body]).toEqual([201, expect.objectContaining({ duplicateCheck: 'unavailable' })]);
    expect(registered.body).not.toHaveProperty('possibleDuplicates');
    expect((await register(withoutDirectory, '?onDuplicate=reject')).status).toBe(503);
    expect(await withoutDirectory.host.store.headPosition()).toBe(1);
  });
});
