import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { UNMATCHED_ROUTE, httpMetricsHooks, routeLabel } from './http-metrics';
import { createMetricsRegistry } from './metrics-registry';

type Sample = Readonly<{ name: string; labels: Partial<Record<string, string | number>>; value: number }>;

/** Every sample of a metric; histogram samples are named `_bucket`, `_sum` and `_count`. */
const samples = async (registry: Registry, name: string): Promise<Sample[]> => {
  const metric = registry.getSingleMetric(name);
  if (!metric) throw new Error(`${name} is not registered`);
  return (await metric.get()).values.map((v) => ({ name: (v as { metricName?: string }).metricName ?? name, labels: v.labels, value: v.value }));
};

const series = async (registry: Registry, name: string) =>
  (await samples(registry, name)).filter((s) => s.name === name).map(({ labels, value }) => ({ labels, value }));

describe('routeLabel', () => {
  it('uses the route template, not the URL', () => {
    expect(routeLabel({ is404: false, routeOptions: { url: '/api/v1/opportunities/:opportunityId' } })).toBe('/api/v1/opportunities/:opportunityId');
  });

  it('labels requests that matched no route as unmatched', () => {
    expect(routeLabel({ is404: true, routeOptions: { url: '/*' } })).toBe(UNMATCHED_ROUTE);
    expect(routeLabel({ is404: false, routeOptions: {} })).toBe(UNMATCHED_ROUTE);
  });
});

describe('httpMetricsHooks on a Fastify instance', () => {
  let app: FastifyInstance;
  let registry: Registry;

  beforeEach(async () => {
    registry = createMetricsRegistry();
    app = Fastify();
    const hooks = httpMetricsHooks(registry);
    app.addHook('onRequest', hooks.onRequest);
    app.addHook('onResponse', hooks.onResponse);
    app.get('/api/v1/opportunities/:opportunityId', async (request, reply) =>
      (request.params as { opportunityId: string }).opportunityId === 'missing' ? reply.code(404).send({}) : { ok: true });
    await app.ready();
  });

  afterEach(() => app.close());

  it('counts requests by method, route template and status, whatever the id', async () => {
    await app.inject({ method: 'GET', url: '/api/v1/opportunities/a1' });
    await app.inject({ method: 'GET', url: '/api/v1/opportunities/b2?x=1' });
    await app.inject({ method: 'GET', url: '/api/v1/opportunities/missing' });
    expect(await series(registry, 'meridian_http_requests_total')).toEqual(expect.arrayContaining([
      { labels: { method: 'GET', route: '/api/v1/opportunities/:opportunityId', status: '200' }, value: 2 },
      { labels: { method: 'GET', route: '/api/v1/opportunities/:opportunityId', status: '404' }, value: 1 },
    ]));
    expect(await series(registry, 'meridian_http_requests_total')).toHaveLength(2);
  });

  it('labels unknown URLs as unmatched so random paths add no series', async () => {
    await app.inject({ method: 'GET', url: '/wp-admin/1' });
    await app.inject({ method: 'GET', url: '/wp-admin/2' });
    expect(await series(registry, 'meridian_http_requests_total')).toEqual([
      { labels: { method: 'GET', route: UNMATCHED_ROUTE, status: '404' }, value: 2 },
    ]);
  });

  it('observes durations with the same labels and leaves nothing in flight', async () => {
    await app.inject({ method: 'GET', url: '/api/v1/opportunities/a1' });
    const count = (await samples(registry, 'meridian_http_request_duration_seconds')).filter((s) => s.name === 'meridian_http_request_duration_seconds_count');
    expect(count).toEqual([{ name: 'meridian_http_request_duration_seconds_count', labels: { method: 'GET', route: '/api/v1/opportunities/:opportunityId', status: '200' }, value: 1 }]);
    expect(await series(registry, 'meridian_http_requests_in_flight')).toEqual([{ labels: {}, value: 0 }]);
  });

  it('keeps each registry apart, so two apps in one process count separately', async () => {
    await app.inject({ method: 'GET', url: '/api/v1/opportunities/a1' });
    const other = createMetricsRegistry();
    httpMetricsHooks(other);
    expect(await series(other, 'meridian_http_requests_total')).toEqual([]);
  });
});
