import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NodeProcess, PrometheusServer } from '@meridian/platform/testing';
import { distEntry, findPrometheusBinary, pollUntil, send, spawnNodeProcess, startPrometheus, stopChildProcess } from '@meridian/platform/testing';

/**
 * The built opportunities-service, scraped every second by a real Prometheus
 * (Debian's `prometheus` package, as CI installs it): what it serves on
 * /metrics must be ingestible, and the counts must arrive in Prometheus as
 * sent. Without the binary this fails, naming the package, rather than skipping.
 */
const job = 'opportunities-e2e';
const headers = { 'x-tenant-id': 'acme', 'x-user-id': 'rep-ada' };
const newOpportunity = (index: number) => ({
  customerId: `cus-${2000 + index}`,
  name: `Scrape test ${index}: 20 seats`,
  ownerId: 'rep-ada',
  amount: { amount: 12000 + index, currency: 'EUR' },
  expectedCloseDate: '2026-12-15',
  sourceChannel: 'webinar',
  productLine: 'analytics-suite',
  region: 'emea',
});
const sent = 3;

describe('Prometheus scrapes the running opportunities-service', () => {
  let dir: string;
  let service: NodeProcess | undefined;
  let prometheus: PrometheusServer | undefined;
  let baseUrl: string;

  /** The single value of an instant query, or undefined while it has no series. */
  const scalar = async (promql: string): Promise<number | undefined> => {
    const samples = await prometheus!.query(promql);
    if (samples.length > 1) throw new Error(`${promql}: ${samples.length} series, expected one`);
    return samples[0]?.value;
  };
  const eventually = (promql: string, until: (value: number | undefined) => boolean) =>
    pollUntil(() => scalar(promql), { timeoutMs: 3 * 60_000, intervalMs: 250, until, description: `${promql} in Prometheus` });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'meridian-prometheus-e2e-'));
    service = spawnNodeProcess(distEntry('opportunities-service'), { HOST: '127.0.0.1', PORT: '0', EVENTSTORE_URL: 'memory:', LOG_LEVEL: 'info' });
    const [, port] = await service.waitForOutput(/listening on http:\/\/127\.0\.0\.1:(\d+)/, 5 * 60_000);
    baseUrl = `http://127.0.0.1:${port}`;
    prometheus = await startPrometheus({ dir, jobs: [{ jobName: job, targets: [`127.0.0.1:${port}`] }] });
  });

  afterAll(async () => {
    await Promise.all([prometheus && stopChildProcess(prometheus.child), service && stopChildProcess(service.child)]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('sees the target up', async () => {
    expect(await eventually(`up{job="${job}"}`, (value) => value === 1)).toBe(1);
  });

  it('ingests the request count for the command route and the events it appended', async () => {
    for (let index = 0; index < sent; index++) {
      const response = await send(baseUrl, 'POST', '/api/v1/opportunities', { body: newOpportunity(index), headers });
      expect(response.status).toBe(201);
    }
    const opened = `meridian_http_requests_total{job="${job}", method="POST", route="/api/v1/opportunities", status="201"}`;
    expect(await eventually(opened, (value) => value === sent)).toBe(sent);
    expect(await eventually(`meridian_events_appended_total{job="${job}"}`, (value) => value !== undefined && value >= sent)).toBeGreaterThanOrEqual(sent);
    expect(await eventually(`meridian_event_appends_total{job="${job}", outcome="appended"}`, (value) => value === sent)).toBe(sent);
    // Scraped, not just served: Prometheus records how many samples it took from the target.
    expect(await scalar(`scrape_samples_scraped{job="${job}"}`)).toBeGreaterThan(0);
  });

  it('serves /metrics that pass promtool check metrics', async () => {
    const response = await send(baseUrl, 'GET', '/metrics');
    expect(response.status).toBe(200);
    // Exit status 1 on a format error; lint findings alone are printed, not failed on.
    expect(() => execFileSync(findPrometheusBinary('promtool'), ['check', 'metrics'], { input: response.text, stdio: ['pipe', 'pipe', 'pipe'] })).not.toThrow();
  });
});
