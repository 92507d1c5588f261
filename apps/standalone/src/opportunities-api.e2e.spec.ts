import type { TestHost } from '@meridian/platform/testing';
import { startTestHost } from '@meridian/platform/testing';
import { standaloneHost } from './standalone.host';
import type { StoreUnderTest } from './testing/stores-under-test';
import { storesUnderTest } from './testing/stores-under-test';
import { newOpportunityBody, opportunityEventsAfter, tenantA, tenantB } from './testing/opportunity-fixtures';

const problemJson = 'application/problem+json';

describe.each(storesUnderTest)('opportunities API over HTTP (standalone host, %s store)', (_name, provideStore) => {
  let host: TestHost;
  let store: StoreUnderTest;

  beforeAll(async () => {
    store = await provideStore();
    host = await startTestHost(standaloneHost, store.url);
  });

  afterAll(async () => {
    await host?.close();
    await store?.dispose();
  });

  const open = async (headers: Record<string, string> = tenantA, body: unknown = newOpportunityBody()) =>
    host.request('POST', '/api/v1/opportunities', { headers, body });

  const streamOf = (id: string) => host.store.readStream(`opportunity-${id}`);

  it('takes an opportunity from lead through every stage to won', async () => {
    const opened = await open({ ...tenantA, 'x-correlation-id': 'corr-walkthrough' });
    expect(opened.status).toBe(201);
    const { opportunityId } = opened.body as { opportunityId: string };
    expect(opened.headers.get('location')).toBe(`/api/v1/opportunities/${opportunityId}`);
    expect(opened.headers.get('etag')).toBe('W/"0"');

    for (const [index, toStage] of ['qualified', 'proposal', 'negotiation'].entries()) {
      const moved = await host.request('POST', `/api/v1/opportunities/${opportunityId}/change-stage`, { headers: tenantA, body: { toStage } });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ opportunityId, revision: index + 1, replayed: false });
    }
    const won = await host.request('POST', `/api/v1/opportunities/${opportunityId}/change-stage`, {
      headers: tenantA,
      body: { toStage: 'won', finalAmount: { amount: 110000, currency: 'EUR' } },
    });
    expect(won.status).toBe(200);
    expect(won.headers.get('etag')).toBe('W/"4"');

    const read = await host.request('GET', `/api/v1/opportunities/${opportunityId}`, { headers: tenantA });
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('W/"4"');
    expect(read.body).toMatchObject({
      opportunityId,
      stage: 'won',
      closedFromStage: 'negotiation',
      finalAmount: { amount: 110000, currency: 'EUR' },
      revision: 4,
    });

    const events = await streamOf(opportunityId);
    expect(events.map((e) => e.type)).toEqual([
      'OpportunityOpened',
      'OpportunityStageChanged',
      'OpportunityStageChanged',
      'OpportunityStageChanged',
      'OpportunityWon',
    ]);
    expect(events[0].metadata).toMatchObject({ tenantId: 'acme', actorId: 'rep-ada', correlationId: 'corr-walkthrough', schemaVersion: 1 });
    expect((won.body as { position: number }).position).toBe(events[4].globalPosition);

    const afterWon = await host.request('POST', `/api/v1/opportunities/${opportunityId}/change-stage`, { headers: tenantA, body: { toStage: 'proposal' } });
    expect(afterWon.status).toBe(409);
    expect(afterWon.headers.get('content-type')).toContain(problemJson);
    expect(afterWon.body).toMatchObject({ status: 409, code: 'opportunity-closed' });
  });

  it('answers a stale If-Match with 412 and appends nothing', async () => {
    const { opportunityId } = (await open()).body as { opportunityId: string };
    await host.request('POST', `/api/v1/opportunities/${opportunityId}/change-stage`, { headers: tenantA, body: { toStage: 'qualified' } });

    const stale = await host.request('POST', `/api/v1/opportunities/${opportunityId}/change-stage`, {
      headers: { ...tenantA, 'if-match': 'W/"0"' },
      body: { toStage: 'proposal' },
    });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('content-type')).toContain(problemJson);
    expect(stale.body).toMatchObject({ code: 'stale-revision', currentRevision: 1 });
    expect(await streamOf(opportunityId)).toHaveLength(2);

    const fresh = await host.request('POST', `/api/v1/opportunities/${opportunityId}/change-stage`, {
      headers: { ...tenantA, 'if-match': 'W/"1"' },
      body: { toStage: 'proposal' },
    });
    expect(fresh.status).toBe(200);
  });

  it('refuses an invalid body with 400 field errors and appends nothing', async () => {
    const before = await host.store.headPosition();
    const invalid = await open(tenantA, newOpportunityBody({ amount: { amount: -5, currency: 'euro' }, expectedCloseDate: '2026-02-30', extra: 1 }));
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('content-type')).toContain(problemJson);
    const fields = (invalid.body as { errors: { field: string }[] }).errors.map((e) => e.field).sort();
    expect(fields).toEqual(['amount.amount', 'amount.currency', 'expectedCloseDate', 'extra']);

    const malformed = await host.request('POST', '/api/v1/opportunities', { headers: tenantA, rawBody: '{"name": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toContain(problemJson);

    const notJson = await host.request('POST', '/api/v1/opportunities', {
      headers: { ...tenantA, 'content-type': 'text/plain' },
      rawBody: 'open please',
    });
    expect(notJson.status).toBe(415);
    expect(notJson.headers.get('content-type')).toContain(problemJson);

    const noTenant = await open({ 'x-user-id': 'rep-ada' });
    expect(noTenant.status).toBe(401);
    expect(noTenant.body).toMatchObject({ code: 'identity-missing', errors: [{ field: 'header:X-Tenant-Id' }] });

    const lostWithoutReason = await host.request('POST', `/api/v1/opportunities/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/change-stage`, {
      headers: tenantA,
      body: { toStage: 'lost' },
    });
    expect(lostWithoutReason.status).toBe(400);
    expect(await opportunityEventsAfter(host.store, before)).toEqual([]);
  });

  it('makes an Idempotency-Key retry append nothing and return the first result', async () => {
    const headers = { ...tenantA, 'idempotency-key': 'open-acme-renewal' };
    const first = await open(headers);
    const retry = await open(headers);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual({ ...(first.body as object), replayed: true });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const { opportunityId } = first.body as { opportunityId: string };
    expect(await streamOf(opportunityId)).toHaveLength(1);

    const stageHeaders = { ...tenantA, 'idempotency-key': 'qualify-once' };
    const path = `/api/v1/opportunities/${opportunityId}/change-stage`;
    const moved = await host.request('POST', path, { headers: stageHeaders, body: { toStage: 'qualified' } });
    const movedAgain = await host.request('POST', path, { headers: stageHeaders, body: { toStage: 'qualified' } });
    expect(movedAgain.status).toBe(200);
    expect((movedAgain.body as { revision: number }).revision).toBe((moved.body as { revision: number }).revision);
    expect((await streamOf(opportunityId)).map((e) => e.type)).toEqual(['OpportunityOpened', 'OpportunityStageChanged']);

    const reusedKey = await open(headers, newOpportunityBody({ name: 'Something else entirely' }));
    expect(reusedKey.status).toBe(422);
    expect(reusedKey.body).toMatchObject({ code: 'idempotency-key-reused' });
  });

  it('serialises a burst of concurrent commands on one opportunity without losing any', async () => {
    const { opportunityId } = (await open()).body as { opportunityId: string };
    const burst = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        host.request('POST', `/api/v1/opportunities/${opportunityId}/log-activity`, {
          headers: tenantA,
          body: { kind: 'note', subject: `Note ${index}` },
        }),
      ),
    );
    expect(burst.map((r) => r.status)).toEqual(Array(8).fill(200));
    const revisions = burst.map((r) => (r.body as { revision: number }).revision).sort((a, b) => a - b);
    expect(revisions).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const events = await streamOf(opportunityId);
    expect(events.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("hides another tenant's opportunity behind 404 and lets it change nothing", async () => {
    const { opportunityId } = (await open()).body as { opportunityId: string };
    const read = await host.request('GET', `/api/v1/opportunities/${opportunityId}`, { headers: tenantB });
    expect(read.status).toBe(404);
    expect(read.headers.get('content-type')).toContain(problemJson);

    const change = await host.request('POST', `/api/v1/opportunities/${opportunityId}/change-stage`, { headers: tenantB, body: { toStage: 'qualified' } });
    expect(change.status).toBe(404);
    expect(await streamOf(opportunityId)).toHaveLength(1);
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const document = await host.request('GET', '/api/openapi.json');
    expect(document.status).toBe(200);
    const paths = Object.keys((document.body as { paths: object }).paths);
    expect(paths).toEqual(expect.arrayContaining([
      '/api/v1/opportunities',
      '/api/v1/opportunities/{opportunityId}',
      '/api/v1/opportunities/{opportunityId}/change-stage',
      '/api/v1/opportunities/{opportunityId}/log-activity',
      '/api/v1/opportunities/{opportunityId}/reopen',
    ]));
    const ui = await host.request('GET', '/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });
});
