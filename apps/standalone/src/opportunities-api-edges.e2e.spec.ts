import type { TestHost } from '@meridian/platform/testing';
import { startTestHost } from '@meridian/platform/testing';
import { standaloneHost } from './standalone.host';
import { newOpportunityBody, opportunityEventsAfter, tenantA, tenantB } from './testing/opportunity-fixtures';
import type { StoreUnderTest } from './testing/stores-under-test';
import { storesUnderTest } from './testing/stores-under-test';

/** Inputs that once slipped through or answered 500: each must be a clear 4xx and change nothing. */
describe.each(storesUnderTest)('opportunities API edge cases (%s store)', (_name, provideStore) => {
  let host: TestHost;
  let store: StoreUnderTest;
  let opportunityId: string;

  beforeAll(async () => {
    store = await provideStore();
    host = await startTestHost(standaloneHost, store.url);
    opportunityId = ((await host.request('POST', '/api/v1/opportunities', { headers: tenantA, body: newOpportunityBody() })).body as { opportunityId: string }).opportunityId;
  });

  afterAll(async () => {
    await host?.close();
    await store?.dispose();
  });

  const command = (name: string, body: unknown, headers: Record<string, string> = tenantA) =>
    host.request('POST', `/api/v1/opportunities/${opportunityId}/${name}`, { headers, rawBody: JSON.stringify(body) });

  const expectRefused = async (response: Promise<{ status: number; body: unknown }>, status: number, code: string) => {
    const before = await host.store.headPosition();
    const answer = await response;
    expect({ status: answer.status, code: (answer.body as { code?: string }).code }).toEqual({ status, code });
    expect(await opportunityEventsAfter(host.store, before)).toEqual([]);
    return answer;
  };

  it.each([
    ['change-stage', { toStage: 'won', finalAmount: null }],
    ['log-activity', { kind: 'note', subject: 'x', occurredAt: null }],
    ['log-activity', { kind: 'note', subject: 'x', notes: null, nextFollowUpOn: null }],
    ['reopen', { toStage: null }],
    ['log-activity', { kind: 'note', subject: 'nul \u0000 char' }],
    ['log-activity', { kind: 'note', subject: '   ' }],
    ['revise-amount', { amount: { amount: 1_000_000_000, currency: 'EUR' } }],
    ['revise-amount', { amount: { amount: 651798936107.08, currency: 'EUR' } }],
  ])('refuses %s with %j as a validation error', async (name, body) => {
    await expectRefused(command(name, body), 400, 'validation-failed');
  });

  it.each([[null], [[]], ['text'], [42]])('refuses a body that is not a JSON object: %j', async (body) => {
    const answer = await expectRefused(command('reopen', body), 400, 'validation-failed');
    expect(answer.body).toMatchObject({ errors: [{ field: 'body' }] });
  });

  it('names Fastify-level refusals with stable codes', async () => {
    const path = `/api/v1/opportunities/${opportunityId}/log-activity`;
    await expectRefused(host.request('POST', path, { headers: { ...tenantA, 'content-type': 'text/plain' }, rawBody: 'hi' }), 415, 'unsupported-media-type');
    await expectRefused(host.request('POST', path, { headers: tenantA, rawBody: '{"kind":' }), 400, 'malformed-request');
    await expectRefused(host.request('POST', path, { headers: tenantA, body: { kind: 'note', subject: 'x'.repeat(1_100_000) } }), 413, 'payload-too-large');
  });

  it("answers If-Match on another tenant's opportunity exactly like on a missing one", async () => {
    const missing = '00000000-0000-4000-8000-00000000beef';
    const pinned = { ...tenantB, 'if-match': 'W/"0"' };
    const foreign = await host.request('POST', `/api/v1/opportunities/${opportunityId}/change-stage`, { headers: pinned, body: { toStage: 'qualified' } });
    const absent = await host.request('POST', `/api/v1/opportunities/${missing}/change-stage`, { headers: pinned, body: { toStage: 'qualified' } });
    expect(foreign.status).toBe(absent.status);
    expect((foreign.body as { code: string }).code).toBe((absent.body as { code: string }).code);
  });

  it('keeps the offset the client gave an activity time, so its calendar day is the client’s', async () => {
    const logged = await command('log-activity', { kind: 'call', subject: 'Late call', occurredAt: '2026-11-20T23:30:00-05:00', nextFollowUpOn: '2026-11-20' });
    expect(logged.status).toBe(200);
    const read = await host.request('GET', `/api/v1/opportunities/${opportunityId}`, { headers: tenantA });
    expect((read.body as { activities: { occurredAt: string }[] }).activities.map((a) => a.occurredAt)).toContain('2026-11-20T23:30:00-05:00');
  });

  it('lets exactly one of several racing requests with one Idempotency-Key and different bodies through', async () => {
    const headers = { ...tenantA, 'idempotency-key': 'racing-key' };
    const answers = await Promise.all(
      ['proposal', 'negotiation', 'qualified'].map((toStage) => command('change-stage', { toStage }, headers)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 422, 422]);
    const stageChanges = (await host.store.readStream(`opportunity-${opportunityId}`)).filter((e) => e.type === 'OpportunityStageChanged');
    expect(stageChanges).toHaveLength(1);
  });
});
