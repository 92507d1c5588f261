import type { TestHost } from '@meridian/platform/testing';
import { startTestHost } from '@meridian/platform/testing';
import { standaloneHost } from './standalone.host';
import { newOpportunityBody } from './testing/opportunity-fixtures';

// Issue 15: archive/restore, a deal's activities, and the list's customer and name
// filters, through the standalone host (read models fed in process). A tenant of
// its own, so every list and funnel figure below is computed by hand from this file.
const tenant = { 'x-tenant-id': 'archive-e2e', 'x-user-id': 'rep-ada' };
const otherTenant = { 'x-tenant-id': 'archive-e2e-other', 'x-user-id': 'rep-hank' };
const problemJson = 'application/problem+json';

let host: TestHost;
let position = 0;

beforeAll(async () => {
  host = await startTestHost(standaloneHost, 'memory:', { READ_WAIT_MAX_MS: '5000' });
});

afterAll(() => host?.close());

type Accepted = { opportunityId: string; revision: number; position: number };
type Row = { opportunityId: string; name: string; customerId: string; stage: string; archived: boolean; archivedAt: string | null; revision: number };
type Page = { items: Row[]; hasMore: boolean };

const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = tenant) =>
  host.request(method, path, { headers, ...(body === undefined ? {} : { body }) });

const open = async (overrides: Record<string, unknown>, headers = tenant): Promise<string> => {
  const response = await send('POST', '/api/v1/opportunities', newOpportunityBody(overrides), headers);
  expect(response.status).toBe(201);
  const accepted = response.body as Accepted;
  position = Math.max(position, accepted.position);
  return accepted.opportunityId;
};

const command = async (id: string, name: string, body?: unknown): Promise<Accepted> => {
  const response = await send('POST', `/api/v1/opportunities/${id}/${name}`, body);
  expect({ name, status: response.status, body: response.body }).toMatchObject({ name, status: 200 });
  const accepted = response.body as Accepted;
  position = Math.max(position, accepted.position);
  return accepted;
};

const refused = async (id: string, name: string, body: unknown, code: string) => {
  const response = await send('POST', `/api/v1/opportunities/${id}/${name}`, body);
  expect({ name, status: response.status, type: response.headers.get('content-type'), code: (response.body as { code?: string }).code })
    .toEqual({ name, status: 409, type: expect.stringContaining(problemJson), code });
};

/** The list as of every write so far (read-your-writes), by ids in the order given. */
const list = async (query = '', headers = tenant): Promise<Page> => {
  const response = await send('GET', `/api/v1/opportunities?minPosition=${position}${query}`, undefined, headers);
  expect(response.status).toBe(200);
  return response.body as Page;
};

const funnel = async () => {
  const response = await send('GET', `/api/v1/analytics/funnel?minPosition=${position}`);
  expect(response.status).toBe(200);
  const report = response.body as { opportunities: number; stages: Array<{ stage: string; count: number; amounts: unknown[] }> };
  return { opportunities: report.opportunities, stages: report.stages.map(({ stage, count, amounts }) => ({ stage, count, amounts })) };
};

describe('opportunities: archive, activities and search (standalone host)', () => {
  const ids: Record<string, string> = {};
  const label = (id: string) => Object.entries(ids).find(([, known]) => known === id)?.[0] ?? id;
  const labelsOf = (page: Page) => page.items.map((row) => label(row.opportunityId));

  beforeAll(async () => {
    // Expected close dates in label order, so the default sort (expectedCloseDate asc) lists a, b, c, d.
    ids.a = await open({ name: 'North Wind: fleet telematics', customerId: 'cus-nw', amount: { amount: 1000, currency: 'EUR' }, expectedCloseDate: '2026-10-01' });
    ids.b = await open({ name: 'Northwind renewal', customerId: 'cus-nw', amount: { amount: 2000, currency: 'EUR' }, expectedCloseDate: '2026-10-02' });
    ids.c = await open({ name: 'Windmill service contract', customerId: 'cus-mill', amount: { amount: 500, currency: 'EUR' }, expectedCloseDate: '2026-10-03' });
    ids.d = await open({ name: 'Fleet expansion', customerId: 'cus-mill', amount: { amount: 700, currency: 'EUR' }, expectedCloseDate: '2026-10-04' });
    ids.e = await open({ name: 'North Wind: fleet telematics', customerId: 'cus-nw' }, otherTenant);
    await command(ids.b, 'change-stage', { toStage: 'qualified' });
  });

  it('archives a deal: hidden from the list, shown with the filter, out of the funnel, every other command 409; restore brings it back', async () => {
    const leadThree = { stage: 'lead', count: 3, amounts: [{ currency: 'EUR', amount: 2200 }] };
    expect(await funnel()).toMatchObject({ opportunities: 4, stages: [leadThree, { stage: 'qualified', count: 1, amounts: [{ currency: 'EUR', amount: 2000 }] }, {}, {}] });

    const archived = await command(ids.b, 'archive', { reason: 'Duplicate of the fleet deal' });
    expect(archived.revision).toBe(2);
    await refused(ids.b, 'archive', {}, 'already-archived');
    await refused(ids.b, 'change-stage', { toStage: 'proposal' }, 'opportunity-archived');
    await refused(ids.b, 'change-stage', { toStage: 'won' }, 'opportunity-archived');
    await refused(ids.b, 'revise-amount', { amount: { amount: 1, currency: 'EUR' } }, 'opportunity-archived');
    await refused(ids.b, 'reschedule-close', { expectedCloseDate: '2027-01-31' }, 'opportunity-archived');
    await refused(ids.b, 'reassign-owner', { newOwnerId: 'rep-grace' }, 'opportunity-archived');
    await refused(ids.b, 'log-activity', { kind: 'note', subject: 'still there?' }, 'opportunity-archived');
    await refused(ids.b, 'reopen', {}, 'opportunity-archived');
    await refused(ids.d, 'restore', undefined, 'not-archived');

    const read = await send('GET', `/api/v1/opportunities/${ids.b}`);
    expect(read.body).toMatchObject({ stage: 'qualified', archived: true, archiveReason: 'Duplicate of the fleet deal', revision: 2 });
    expect(read.headers.get('etag')).toBe('W/"2"');

    expect(labelsOf(await list())).toEqual(['a', 'c', 'd']);
    expect(labelsOf(await list('&archived=exclude'))).toEqual(['a', 'c', 'd']);
    const onlyArchived = await list('&archived=only');
    expect(onlyArchived.items).toEqual([expect.objectContaining({ opportunityId: ids.b, stage: 'qualified', archived: true, archivedAt: expect.any(String), revision: 2 })]);
    expect(labelsOf(await list('&archived=include'))).toEqual(['a', 'b', 'c', 'd']);
    expect((await list('&archived=include')).items.map((row) => row.archived)).toEqual([false, true, false, false]);
    expect(await funnel()).toEqual({
      opportunities: 3,
      stages: [leadThree, { stage: 'qualified', count: 0, amounts: [] }, { stage: 'proposal', count: 0, amounts: [] }, { stage: 'negotiation', count: 0, amounts: [] }],
    });

    const restored = await command(ids.b, 'restore');
    expect(restored.revision).toBe(3);
    await refused(ids.b, 'restore', undefined, 'not-archived');
    expect(labelsOf(await list())).toEqual(['a', 'b', 'c', 'd']);
    expect((await list()).items[1]).toMatchObject({ opportunityId: ids.b, stage: 'qualified', archived: false, archivedAt: null, revision: 3 });
    expect(await funnel()).toMatchObject({ opportunities: 4, stages: [leadThree, { stage: 'qualified', count: 1, amounts: [{ currency: 'EUR', amount: 2000 }] }, {}, {}] });
    expect((await command(ids.b, 'change-stage', { toStage: 'proposal' })).revision).toBe(4);
  });

  it("lists a deal's activities newest first, paged, and 404s an unknown deal", async () => {
    const logged = [
      { kind: 'call', subject: 'Intro call', occurredAt: '2026-09-01T10:00:00.000Z' },
      { kind: 'email', subject: 'Proposal sent', occurredAt: '2026-09-03T09:00:00+02:00' },
      { kind: 'meeting', subject: 'Workshop', occurredAt: '2026-09-02T23:30:00-05:00', notes: 'Whole team' },
      { kind: 'note', subject: 'Budget confirmed', occurredAt: '2026-09-03T07:00:00.000Z' },
    ];
    for (const body of logged) await command(ids.a, 'log-activity', body);
    // As instants: 09-03T07:00Z (note, logged last) = 09-03T09:00+02:00 (email): the later logged first; then 09-03T04:30Z (meeting), 09-01 (call).
    const all = await send('GET', `/api/v1/opportunities/${ids.a}/activities`);
    expect(all.status).toBe(200);
    expect(all.headers.get('etag')).toBe('W/"4"');
    const page = all.body as { items: Array<{ subject: string; kind: string; notes?: string }>; total: number; limit: number; offset: number; hasMore: boolean };
    expect(page.items.map((item) => item.subject)).toEqual(['Budget confirmed', 'Proposal sent', 'Workshop', 'Intro call']);
    expect(page).toMatchObject({ total: 4, limit: 50, offset: 0, hasMore: false, opportunityId: ids.a, revision: 4 });
    expect(page.items[2]).toEqual({ activityId: expect.any(String), kind: 'meeting', subject: 'Workshop', occurredAt: '2026-09-02T23:30:00-05:00', notes: 'Whole team' });

    const second = await send('GET', `/api/v1/opportunities/${ids.a}/activities?limit=2&offset=1`);
    expect(second.body).toMatchObject({ items: [{ subject: 'Proposal sent' }, { subject: 'Workshop' }], total: 4, limit: 2, offset: 1, hasMore: true });
    expect((await send('GET', `/api/v1/opportunities/${ids.a}/activities?limit=2&offset=4`)).body).toMatchObject({ items: [], total: 4, hasMore: false });
    expect((await send('GET', `/api/v1/opportunities/${ids.c}/activities`)).body).toMatchObject({ items: [], total: 0, hasMore: false });

    const unknown = await send('GET', '/api/v1/opportunities/0b5f9c1e-2f6a-4c3b-9d8e-7a6b5c4d3e2f/activities');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain(problemJson);
    const otherTenants = await send('GET', `/api/v1/opportunities/${ids.e}/activities`);
    expect(otherTenants.status).toBe(404);
    const bad = await send('GET', `/api/v1/opportunities/${ids.a}/activities?limit=201&offset=-1&sort=asc`);
    expect(bad.status).toBe(400);
    expect((bad.body as { errors: Array<{ field: string }> }).errors.map((e) => e.field).sort()).toEqual(['query:limit', 'query:offset', 'query:sort']);
    expect((await send('GET', `/api/v1/opportunities/${ids.a}/activities?limit=0`)).status).toBe(400);
  });

  it('searches by exact customer id and by a case-insensitive word prefix of the name', async () => {
    expect(labelsOf(await list('&customerId=cus-nw'))).toEqual(['a', 'b']);
    expect(labelsOf(await list('&customerId=cus-mill'))).toEqual(['c', 'd']);
    expect(labelsOf(await list('&customerId=cus'))).toEqual([]);
    expect(labelsOf(await list('&name=north'))).toEqual(['a', 'b']);
    expect(labelsOf(await list('&name=wind'))).toEqual(['a', 'c']);
    expect(labelsOf(await list(`&name=${encodeURIComponent('WIND FL')}`))).toEqual(['a']);
    expect(labelsOf(await list('&name=fleet'))).toEqual(['a', 'd']);
    expect(labelsOf(await list('&name=fleet&customerId=cus-mill'))).toEqual(['d']);
    expect(labelsOf(await list('&name=ind'))).toEqual([]);
    expect(labelsOf(await list('&name=north&sortBy=amount&direction=desc'))).toEqual(['b', 'a']);
    expect(labelsOf(await list('&name=north', otherTenant))).toEqual(['e']);

    await command(ids.a, 'archive');
    expect(labelsOf(await list('&name=north'))).toEqual(['b']);
    expect(labelsOf(await list('&customerId=cus-nw&archived=only'))).toEqual(['a']);
    await command(ids.a, 'restore');
    expect(labelsOf(await list('&name=north'))).toEqual(['a', 'b']);

    const bad = await send('GET', '/api/v1/opportunities?archived=maybe&name=');
    expect(bad.status).toBe(400);
    expect((bad.body as { errors: Array<{ field: string }> }).errors.map((e) => e.field).sort()).toEqual(['query:archived', 'query:name']);
    // One value set with the customer list: the former true/false/any are refused.
    const former = await send('GET', '/api/v1/opportunities?archived=true');
    expect([former.status, (former.body as { errors: Array<{ field: string; messages: string[] }> }).errors]).toEqual([
      400, [{ field: 'query:archived', messages: ['must be one of exclude, include, only'] }],
    ]);
  });
});
