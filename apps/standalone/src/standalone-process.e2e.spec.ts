import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { send } from '@meridian/platform/testing';
import { newOpportunityBody, tenantA } from './testing/opportunity-fixtures';
import { runStandaloneToExit, standaloneTestTimeout, startStandalone } from './testing/standalone-process';

describe('the standalone process (what `npm start` runs)', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'meridian-restart-'));
  });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps its data across a restart', async () => {
    // Reads wait for the read models up to a minute (not the default 5 s): a busy machine may apply a write late.
    const env = { EVENTSTORE_URL: `embedded:${dataDir}/events`, READ_WAIT_MAX_MS: '60000' };
    const first = await startStandalone(env);
    const opened = await send(first.baseUrl, 'POST', '/api/v1/opportunities', { headers: tenantA, body: newOpportunityBody() });
    expect(opened.status).toBe(201);
    const { opportunityId } = opened.body as { opportunityId: string };
    const moved = await send(first.baseUrl, 'POST', `/api/v1/opportunities/${opportunityId}/change-stage`, {
      headers: tenantA,
      body: { toStage: 'qualified' },
    });
    expect(moved.status).toBe(200);
    const position = (moved.body as { position: number }).position;
    // The read models have applied it before the stop (read-your-writes): a restart must not need to catch up.
    expect((await send(first.baseUrl, 'GET', `/api/v1/opportunities?minPosition=${position}`, { headers: tenantA })).status).toBe(200);
    expect((await send(first.baseUrl, 'GET', `/api/v1/customers?minPosition=${position}`, { headers: tenantA })).status).toBe(200);
    expect(await first.stop()).toBe(0);
    expect(first.output()).toContain('SIGTERM received');

    const second = await startStandalone(env);
    try {
      const read = await send(second.baseUrl, 'GET', `/api/v1/opportunities/${opportunityId}`, { headers: tenantA });
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ opportunityId, stage: 'qualified', revision: 1, name: newOpportunityBody().name });
      // The read models live in the same embedded database, with their progress: the list and funnel survive too.
      const list = await send(second.baseUrl, 'GET', `/api/v1/opportunities?minPosition=${position}`, { headers: tenantA });
      expect((list.body as { items: Array<{ opportunityId: string; stage: string }> }).items.map((i) => [i.opportunityId, i.stage])).toEqual([[opportunityId, 'qualified']]);
      const funnel = await send(second.baseUrl, 'GET', `/api/v1/analytics/funnel?minPosition=${position}`, { headers: tenantA });
      expect(funnel.body).toMatchObject({ opportunities: 1, stages: [{ stage: 'lead', reached: 1, count: 0 }, { stage: 'qualified', reached: 1, count: 1 }, {}, {}] });
      // Nothing to replay: every read model resumes from its mark.
      expect(second.output()).not.toMatch(/read models (replaying the history|catching up)/);
    } finally {
      await second.stop();
    }
  }, standaloneTestTimeout(2));

  it('refuses to start on a bad setting and names it', async () => {
    const result = await runStandaloneToExit({ EVENTSTORE_URL: `embedded:${dataDir}`, PORT: 'eighty', LOG_LEVEL: 'chatty' });
    expect(result.code).toBe(1);
    expect(result.output).toContain('PORT="eighty"');
    expect(result.output).toContain('LOG_LEVEL="chatty"');
  }, standaloneTestTimeout());

  it('names the event store it cannot open', async () => {
    const result = await runStandaloneToExit({ EVENTSTORE_URL: 'postgres://nobody:secret@127.0.0.1:1/none' });
    expect(result.code).toBe(1);
    expect(result.output).toContain('could not start');
    expect(result.output).not.toContain('secret');
  }, standaloneTestTimeout());

  it('names the address it cannot listen on', async () => {
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const { port } = squatter.address() as AddressInfo;
    try {
      const result = await runStandaloneToExit({ EVENTSTORE_URL: `embedded:${dataDir}`, PORT: String(port) });
      expect(result.code).toBe(1);
      expect(result.output).toContain(`could not listen on HOST=127.0.0.1 PORT=${port}`);
    } finally {
      squatter.close();
    }
  }, standaloneTestTimeout());
});
