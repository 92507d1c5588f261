import { CommandHandler } from '@meridian/platform/eventsourcing';
import { systemClock } from '@meridian/platform/nest';
import { CustomerCommands } from '@meridian/customers/api';
import { defaultSegmentPolicy } from '@meridian/customers/domain';
import type { CustomersServiceUnderTest } from './testing/customers-service-fixtures';
import { newCustomerBody, problemJson, registerCustomer, startCustomersService, stopCustomersService, tenantA } from './testing/customers-service-fixtures';

describe('customers-service over HTTP on PostgreSQL', () => {
  let service: CustomersServiceUnderTest;
  const host = () => service.host;
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = tenantA) =>
    host().request(method, path, { headers, ...(body === undefined ? {} : { body }) });
  const read = (customerId: string) => send('GET', `/api/v1/customers/${customerId}`);
  const streamOf = (customerId: string) => host().store.readStream(`customer-${customerId}`);

  beforeAll(async () => {
    service = await startCustomersService();
  });

  afterAll(() => stopCustomersService(service));

  it('registers a customer with its emails and phones normalised, as GET then shows', async () => {
    const registered = await send('POST', '/api/v1/customers', newCustomerBody(), { ...tenantA, 'x-correlation-id': 'corr-signup' });
    expect(registered.status).toBe(201);
    const { customerId } = registered.body as { customerId: string };
    expect(registered.body).toEqual({ customerId, revision: 0, position: expect.any(Number), replayed: false, duplicateCheck: 'unavailable' });
    expect([registered.headers.get('location'), registered.headers.get('etag')]).toEqual([`/api/v1/customers/${customerId}`, 'W/"0"']);

    const customer = await read(customerId);
    expect([customer.status, customer.headers.get('etag')]).toEqual([200, 'W/"0"']);
    expect(customer.body).toEqual({
      customerId, kind: 'company', archived: false,
      profile: { name: 'ACME Analytics GmbH', industry: 'software', region: 'dach', size: '51-200', emails: ['sales@acme.example', 'jdoe@gmail.com'], phones: ['+15550104477'] },
      sourceChannel: 'webinar', ownerId: 'rep-ana', registeredAt: expect.any(String),
      contacts: [], tags: [], groups: [], consents: [], interactionCount: 0,
      lineage: { absorbed: [] }, valueSegment: { segment: null, orders: [] }, revision: 0,
    });
    const [event] = await streamOf(customerId);
    expect(event.metadata).toMatchObject({ tenantId: 'acme', actorId: 'rep-ana', correlationId: 'corr-signup', schemaVersion: 1 });
  });

  it("normalises phones with the request's defaultCountryCode, and a person needs no company fields", async () => {
    const body = { kind: 'person', name: 'Jane Doe', region: 'uk', sourceChannel: 'referral', ownerId: 'rep-ana', phones: ['20 7946 0018', '+44 (20) 7946-0018', '0044 20 7946 0019'], defaultCountryCode: '+44' };
    const customerId = await registerCustomer(host(), body);
    expect((await read(customerId)).body).toMatchObject({ kind: 'person', profile: { name: 'Jane Doe', emails: [], phones: ['+442079460018', '+442079460019'] } });
  });

  it('takes every command, each appending its fact, and shows the result in GET', async () => {
    const customerId = await registerCustomer(host());
    const base = `/api/v1/customers/${customerId}`;
    const ok = async (method: string, path: string, body?: unknown, status = 200) => {
      const answer = await send(method, `${base}${path}`, body);
      expect({ path, status: answer.status, body: answer.body }).toEqual({ path, status, body: expect.objectContaining({ customerId }) });
      return answer;
    };
    await ok('PUT', '/profile', { name: 'ACME Analytics', region: 'dach', size: '201-1000', emails: ['INFO@acme.example'], phones: ['+49 30 1234567'] });
    const contact = await ok('POST', '/contacts', { contactId: 'jane', name: 'Jane Doe', title: 'CFO', emails: ['Jane@ACME.example'] }, 201);
    expect([contact.headers.get('location'), (contact.body as { contactId: string }).contactId]).toEqual([`${base}/contacts/jane`, 'jane']);
    const derived = await ok('POST', '/contacts', { name: 'Max Mustermann', phones: ['030 1234567'], defaultCountryCode: '+49' }, 201);
    const maxId = (derived.body as { contactId: string }).contactId;
    await ok('PUT', '/contacts/jane', { name: 'Jane Doe', title: 'CEO', emails: ['jane@acme.example'], phones: [] });
    await ok('DELETE', `/contacts/${maxId}`);
    await ok('PUT', '/tags/%20Key-Account%20');
    await ok('PUT', '/tags/renewal-2026');
    await ok('DELETE', '/tags/RENEWAL-2026');
    await ok('PUT', '/groups', { groups: ['dach-partners', 'key-accounts'] });
    await ok('PUT', '/intent', { level: 'hot', reason: 'Asked for a quote' });
    await ok('PUT', '/owner', { ownerId: 'rep-bo' });
    await ok('POST', '/consents', { purpose: 'email-marketing', granted: true, source: 'web-form' });
    await ok('POST', '/consents', { purpose: 'email-marketing', granted: false, source: 'unsubscribe-link' });
    const interaction = await ok('POST', '/interactions', { interactionId: 'call-1', kind: 'call', occurredAt: '2026-03-04T14:30:00Z', summary: 'Renewal', contactId: 'jane' });
    expect(interaction.body).toMatchObject({ interactionId: 'call-1', revision: 14 });

    const customer = await read(customerId);
    expect(customer.headers.get('etag')).toBe('W/"14"');
    expect(customer.body).toMatchObject({
      profile: { name: 'ACME Analytics', region: 'dach', size: '201-1000', emails: ['info@acme.example'], phones: ['+49301234567'] },
      contacts: [{ contactId: 'jane', name: 'Jane Doe', title: 'CEO', emails: ['jane@acme.example'], phones: [] }],
      tags: ['key-account'], groups: ['dach-partners', 'key-accounts'], intent: { level: 'hot', reason: 'Asked for a quote' },
      ownerId: 'rep-bo', consents: [{ purpose: 'email-marketing', granted: false, source: 'unsubscribe-link' }], interactionCount: 1, revision: 14,
    });
    expect((await streamOf(customerId)).map((e) => e.type)).toEqual([
      'CustomerRegistered', 'CustomerProfileRevised', 'ContactAdded', 'ContactAdded', 'ContactRevised', 'ContactRemoved', 'CustomerTagged',
      'CustomerTagged', 'CustomerUntagged', 'CustomerGroupsAssigned', 'CustomerIntentLevelSet', 'CustomerOwnerChanged',
      'CustomerConsentRecorded', 'CustomerConsentRecorded', 'InteractionRecorded',
    ]);
  });

  it('appends nothing for commands that are already satisfied', async () => {
    const customerId = await registerCustomer(host());
    const base = `/api/v1/customers/${customerId}`;
    await send('PUT', `${base}/tags/vip`);
    await send('PUT', `${base}/groups`, { groups: ['a', 'b'] });
    for (const [method, path, body] of [['PUT', '/tags/VIP'], ['DELETE', '/tags/unknown'], ['PUT', '/groups', { groups: ['b', 'a'] }], ['PUT', '/owner', { ownerId: 'rep-ana' }]] as const) {
      expect((await send(method, `${base}${path}`, body)).body).toMatchObject({ revision: 2 });
    }
    expect(await streamOf(customerId)).toHaveLength(3);
  });

  it('refuses broken rules with 409 problem+json and its code, appending nothing', async () => {
    const customerId = await registerCustomer(host());
    const base = `/api/v1/customers/${customerId}`;
    await send('POST', `${base}/contacts`, { contactId: 'jane', name: 'Jane Doe' });
    const refusals = [
      [await send('PUT', `${base}/contacts/ghost`, { name: 'Nobody', emails: [], phones: [] }), 'contact-not-found'],
      [await send('DELETE', `${base}/contacts/ghost`), 'contact-not-found'],
      [await send('POST', `${base}/contacts`, { contactId: 'jane', name: 'Someone Else' }), 'contact-already-exists'],
      [await send('POST', `${base}/interactions`, { kind: 'visit', occurredAt: '2026-03-04T14:30:00Z', summary: 'On site', contactId: 'ghost' }), 'contact-not-found'],
      [await send('POST', `${base}/merges`, { mergedCustomerId: customerId }), 'merge-not-allowed'],
      [await send('DELETE', `${base}/merges/${customerId}`), 'unmerge-not-allowed'],
    ] as const;
    for (const [answer, code] of refusals) {
      expect([answer.status, answer.headers.get('content-type'), answer.body]).toEqual([409, expect.stringContaining(problemJson), expect.objectContaining({ status: 409, code })]);
    }
    expect((refusals[0][0].body as Record<string, unknown>).contactId).toBe('ghost');
    expect(await streamOf(customerId)).toHaveLength(2);
  });

  it("shows the value segment figures recorded through CustomerCommands, the process managers' entry point", async () => {
    const customerId = await registerCustomer(host());
    const commands = new CustomerCommands(new CommandHandler(host().store), systemClock, host().store);
    const context = { tenantId: 'acme', actorId: 'process-manager:order-value-segments', correlationId: 'corr-order', causationId: 'evt-paid-1', idempotencyKey: 'evt-paid-1' };
    const paidAt = '2026-03-05T10:00:00.000Z';
    const record = {
      type: 'RecordOrderValue', data: {
        customerId, orderId: 'ord-1', netValue: { amount: 1500, currency: 'EUR' }, purchasedAt: paidAt, orderRevision: 2, recordedAt: paidAt, policy: defaultSegmentPolicy, asOf: paidAt,
      },
    } as const;
    expect(await commands.handle(record, context, paidAt)).toMatchObject({ revision: 2, replayed: false });
    expect(await commands.handle(record, context, paidAt)).toMatchObject({ revision: 2, replayed: true });
    expect((await read(customerId)).body).toMatchObject({
      valueSegment: {
        segment: 'C', purchaseCount: 1, averageOrderValue: { amount: 1500, currency: 'EUR' }, windowEnd: paidAt, changedAt: paidAt,
        orders: [{ orderId: 'ord-1', netValue: { amount: 1500, currency: 'EUR' }, purchasedAt: paidAt }],
      },
      revision: 2,
    });
    expect((await streamOf(customerId)).at(-1)?.metadata).toMatchObject({ actorId: 'process-manager:order-value-segments', causationId: 'evt-paid-1', occurredAt: paidAt });
  });
});
