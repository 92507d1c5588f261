import { Agent } from 'node:http';
import { pollUntil } from '@meridian/platform/testing';
import { newOpportunityBody, tenantA } from './testing/opportunity-fixtures';
import type { Exchange } from './testing/raw-http';
import { exchange, startExchange } from './testing/raw-http';
import type { StandaloneProcess } from './testing/standalone-process';
import { standaloneTestTimeout, startStandalone } from './testing/standalone-process';

const heldUploads = 13;
/** Generous bounds against hanging, never expected to be reached: every wait below ends on a condition. */
const boundMs = 60_000;

const shuttingDown = {
  status: 503,
  headers: expect.objectContaining({ 'retry-after': '1', connection: 'close', 'content-type': expect.stringContaining('application/problem+json') }),
  body: expect.objectContaining({ code: 'shutting-down' }),
};

/**
 * SIGTERM while requests are in flight, on the real process. The in-flight
 * work is slow by construction, not by load: a burst of commands whose
 * bodies are still being uploaded. So nothing can finish before the test
 * lets the uploads finish, after the signal.
 */
describe('the standalone process on SIGTERM with requests in flight', () => {
  let standalone: StandaloneProcess | undefined;
  /** The reads' connections, kept alive. */
  const keepAlive = new Agent({ keepAlive: true });
  /** One connection of its own, idle when the signal lands. */
  const idlePool = new Agent({ keepAlive: true, maxSockets: 1 });

  afterAll(async () => {
    keepAlive.destroy();
    idlePool.destroy();
    if (standalone?.child.exitCode === null) standalone.child.kill('SIGKILL');
  });

  it('answers every in-flight request in full, refuses new ones with 503 Retry-After, turns unready, and exits 0', async () => {
    standalone = await startStandalone({
      EVENTSTORE_URL: 'memory:',
      READ_WAIT_MAX_MS: String(boundMs),
      SHUTDOWN_DRAIN_TIMEOUT_MS: String(boundMs),
      SHUTDOWN_TIMEOUT_MS: String(boundMs * 2),
      // Exactly the held work: one more request is refused as overloaded, which tells the test all of it was admitted.
      HTTP_MAX_IN_FLIGHT: String(heldUploads),
    });
    const { baseUrl } = standalone;
    const ready = await exchange(baseUrl, { method: 'GET', path: '/health/ready' });
    expect(ready.status).toBe(200);

    const idle = await exchange(baseUrl, { method: 'GET', path: '/api/v1/opportunities', headers: tenantA, agent: idlePool });
    expect(idle.status).toBe(200);

    const body = JSON.stringify(newOpportunityBody());
    const uploads = Array.from({ length: heldUploads }, () => {
      const upload = startExchange(baseUrl, {
        method: 'POST',
        path: '/api/v1/opportunities',
        headers: { ...tenantA, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
        agent: keepAlive,
      });
      upload.request.write(body.slice(0, body.length / 2));
      return upload;
    });
    await pollUntil(() => exchange(baseUrl, { method: 'GET', path: '/api/v1/opportunities', headers: tenantA }), {
      timeoutMs: boundMs,
      until: (probe) => probe.status === 503,
      description: 'every held upload admitted (one more is refused as overloaded)',
    });

    const { child } = standalone;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    await pollUntil(() => standalone?.output().includes('SIGTERM received'), { timeoutMs: boundMs, description: 'the signal logged' });

    // New work is refused, on a new connection and on one kept alive from before; the probes see it too.
    expect(await exchange(baseUrl, { method: 'GET', path: '/api/v1/opportunities', headers: tenantA })).toMatchObject(shuttingDown);
    const onIdleConnection = await exchange(baseUrl, { method: 'GET', path: '/api/v1/opportunities', headers: tenantA, agent: idlePool });
    expect(onIdleConnection).toMatchObject({ ...shuttingDown, reusedSocket: true });
    expect((await exchange(baseUrl, { method: 'GET', path: '/health/ready' })).status).toBe(503);
    expect((await exchange(baseUrl, { method: 'GET', path: '/health/live' })).status).toBe(200);

    // Only now can the in-flight work end: the uploads complete, each answered in full.
    for (const upload of uploads) upload.request.end(body.slice(body.length / 2));
    const answers: Exchange[] = await Promise.all(uploads.map((upload) => upload.answer));
    const code = await exited;

    const opened = new Set<string>();
    for (const answer of answers) {
      expect(answer).toMatchObject({ status: 201, headers: expect.objectContaining({ connection: 'close' }) });
      opened.add((answer.body as { opportunityId: string }).opportunityId);
    }
    expect(opened.size).toBe(heldUploads);
    expect(code).toBe(0);
    // Closed, not reset: once the process is gone the port refuses.
    expect(await exchange(baseUrl, { method: 'GET', path: '/health/live' })).toMatchObject({ error: 'ECONNREFUSED' });
  }, standaloneTestTimeout() + 3 * boundMs);
});
