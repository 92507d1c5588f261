import { Counter, Registry } from 'prom-client';
import type { ReadinessCheck, WorkerHttpServer } from './worker-http-server';
import { runReadinessChecks, startWorkerHttpServer } from './worker-http-server';

describe('worker HTTP server', () => {
  let server: WorkerHttpServer;
  let live = true;
  let storeUp = true;
  const get = (path: string) => fetch(`http://127.0.0.1:${server.port}${path}`);

  beforeAll(async () => {
    const registry = new Registry();
    new Counter({ name: 'meridian_test_total', help: 'a test counter', registers: [registry] }).inc(3);
    const readiness: Record<string, ReadinessCheck> = {
      store: async () => {
        if (!storeUp) throw new Error('connection refused');
        return { headPosition: 9 };
      },
    };
    server = await startWorkerHttpServer({ registry, readiness, live: () => live, host: '127.0.0.1', port: 0 });
  });

  afterAll(() => server.close());

  it('serves the registry in the Prometheus text format', async () => {
    const response = await get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await response.text()).toContain('meridian_test_total 3');
  });

  it('is live while the loop runs, and 503 once it has ended', async () => {
    expect((await get('/health/live')).status).toBe(200);
    live = false;
    try {
      expect((await get('/health/live')).status).toBe(503);
    } finally {
      live = true;
    }
  });

  it('is ready when every check passes, else 503 problem+json not-ready naming the failing check', async () => {
    const ready = await get('/health/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', details: { store: { status: 'up', headPosition: 9 } } });
    storeUp = false;
    try {
      const down = await get('/health/ready');
      expect(down.status).toBe(503);
      expect(down.headers.get('content-type')).toBe('application/problem+json');
      expect(await down.json()).toMatchObject({ status: 503, code: 'not-ready', checks: { store: { status: 'down', message: 'connection refused' } } });
    } finally {
      storeUp = true;
    }
  });

  it('answers 404 for other paths and 405 for other methods', async () => {
    expect((await get('/nothing')).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${server.port}/metrics`, { method: 'POST' })).status).toBe(405);
  });

  it('calls a check that does not answer in time down', async () => {
    const result = await runReadinessChecks({ hanging: () => new Promise(() => undefined) }, 50);
    expect(result).toEqual({ ready: false, details: { hanging: { status: 'down', message: 'no answer within 50 ms' } } });
  });
});
