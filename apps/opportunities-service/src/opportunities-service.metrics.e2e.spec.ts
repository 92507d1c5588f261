import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { TestHost } from '@meridian/platform/testing';
import { startTestHost } from '@meridian/platform/testing';
import { opportunitiesServiceHost } from './opportunities-service.host';

type Sample = Readonly<{ name: string; labels: Readonly<Record<string, string>>; value: number }>;

/** Enough of the Prometheus text format for these assertions: one sample per non-comment line. */
const parseSamples = (text: string): Sample[] =>
  text.split('\n').filter((line) => line !== '' && !line.startsWith('#')).map((line) => {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)/.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, k, v]) => [k, v]));
    return { name: match[1], labels, value: Number(match[3]) };
  });

/** The sample with exactly these labels (0 when the series does not exist yet). */
const valueOf = (samples: readonly Sample[], name: string, labels: Record<string, string> = {}): number => {
  const wanted = JSON.stringify(Object.entries(labels).sort());
  return samples.find((s) => s.name === name && JSON.stringify(Object.entries(s.labels).sort()) === wanted)?.value ?? 0;
};

const headers = { 'x-tenant-id': 'acme', 'x-user-id': 'rep-ada' };
const newOpportunityBody = {
  customerId: 'cus-1001',
  name: 'ACME: 200 seats, annual plan',
  ownerId: 'rep-ada',
  amount: { amount: 120000, currency: 'EUR' },
  expectedCloseDate: '2026-12-15',
  sourceChannel: 'webinar',
  productLine: 'analytics-suite',
  region: 'emea',
};

const promtool = spawnSync('sh', ['-c', 'command -v promtool']).status === 0;
if (!promtool) console.warn('skipped: promtool not installed');

describe('opportunities-service /metrics', () => {
  let host: TestHost;

  const scrape = async () => {
    const response = await host.request('GET', '/metrics');
    expect(response.status).toBe(200);
    return { response, samples: parseSamples(response.text) };
  };

  beforeAll(async () => {
    host = await startTestHost(opportunitiesServiceHost, 'memory:');
  });

  afterAll(() => host?.close());

  it('serves Prometheus text with process metrics', async () => {
    const { response, samples } = await scrape();
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(samples.some((s) => s.name === 'process_cpu_user_seconds_total')).toBe(true);
    expect(samples.some((s) => s.name === 'meridian_http_requests_in_flight')).toBe(true);
  });

  it('counts requests by route template and status, and the append they made', async () => {
    const unknownId = randomUUID();
    const opened = { method: 'POST', route: '/api/v1/opportunities', status: '201' };
    const notFound = { method: 'GET', route: '/api/v1/opportunities/:opportunityId', status: '404' };
    const before = (await scrape()).samples;

    expect((await host.request('POST', '/api/v1/opportunities', { body: newOpportunityBody, headers })).status).toBe(201);
    expect((await host.request('GET', `/api/v1/opportunities/${unknownId}`, { headers })).status).toBe(404);
    const { response, samples: after } = await scrape();

    const delta = (name: string, labels: Record<string, string> = {}) => valueOf(after, name, labels) - valueOf(before, name, labels);
    expect(delta('meridian_http_requests_total', opened)).toBe(1);
    expect(delta('meridian_http_requests_total', notFound)).toBe(1);
    expect(delta('meridian_http_request_duration_seconds_count', opened)).toBe(1);
    expect(delta('meridian_http_request_duration_seconds_count', notFound)).toBe(1);
    expect(delta('meridian_event_appends_total', { outcome: 'appended' })).toBe(1);
    expect(delta('meridian_events_appended_total')).toBe(1);
    expect(delta('meridian_event_append_duration_seconds_count')).toBe(1);
    // Bounded cardinality: the concrete id never becomes a label value.
    expect(response.text).not.toContain(unknownId);
  });

  it('labels paths no route matches as unmatched', async () => {
    const before = (await scrape()).samples;
    expect((await host.request('GET', `/no-such-route/${randomUUID()}`)).status).toBe(404);
    const after = (await scrape()).samples;
    const labels = { method: 'GET', route: 'unmatched', status: '404' };
    expect(valueOf(after, 'meridian_http_requests_total', labels) - valueOf(before, 'meridian_http_requests_total', labels)).toBe(1);
  });

  it('keeps /metrics out of the OpenAPI document', async () => {
    const document = (await host.request('GET', '/api/openapi.json')).body as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths).filter((path) => path.startsWith('/metrics'))).toEqual([]);
  });

  (promtool ? it : it.skip)('passes promtool check metrics', async () => {
    const { response } = await scrape();
    // promtool exits non-zero on format errors; lint findings alone are printed, not failed on.
    expect(() => execFileSync('promtool', ['check', 'metrics'], { input: response.text, stdio: ['pipe', 'pipe', 'pipe'] })).not.toThrow();
  });
});
