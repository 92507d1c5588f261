import type { Registry } from 'prom-client';
import { METRICS_PREFIX, counterIn, gaugeIn, histogramIn } from './metrics-registry';

/** Label for requests no route matched: raw URLs would make the label set unbounded. */
export const UNMATCHED_ROUTE = 'unmatched';

/** Seconds; from a cached read (ms) up to a slow command retried under contention. */
export const httpDurationBuckets: readonly number[] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/*
 * The parts of Fastify's request and reply the hooks read. Structural on
 * purpose: Nest's adapter may bring its own copy of fastify, whose nominal
 * types differ from the root one's although the objects are the same.
 */
export type MetricsRequest = Readonly<{ method: string; is404: boolean; routeOptions: Readonly<{ url?: string }> }>;
export type MetricsReply = Readonly<{ statusCode: number; elapsedTime: number; raw: { once(event: 'close', listener: () => void): unknown } }>;

export type HttpMetricsHooks = Readonly<{
  onRequest: (request: MetricsRequest, reply: MetricsReply) => Promise<void>;
  onResponse: (request: MetricsRequest, reply: MetricsReply) => Promise<void>;
}>;

/** The route template (`/api/v1/opportunities/:opportunityId`), never the raw URL, so cardinality stays bounded. */
export const routeLabel = (request: Pick<MetricsRequest, 'is404' | 'routeOptions'>): string =>
  request.is404 ? UNMATCHED_ROUTE : (request.routeOptions.url ?? UNMATCHED_ROUTE);

/**
 * Fastify onRequest/onResponse hooks recording request count, duration and
 * requests in flight. Add them before the app is initialised: Fastify attaches
 * root hooks to routes when they boot, and refuses new hooks once ready.
 */
export const httpMetricsHooks = (registry: Registry): HttpMetricsHooks => {
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = counterIn(registry, { name: `${METRICS_PREFIX}http_requests_total`, help: 'HTTP requests answered, by route template and status', labelNames });
  const duration = histogramIn(registry, {
    name: `${METRICS_PREFIX}http_request_duration_seconds`,
    help: 'HTTP request duration from arrival to response sent, by route template and status',
    labelNames,
    buckets: [...httpDurationBuckets],
  });
  const inFlight = gaugeIn(registry, { name: `${METRICS_PREFIX}http_requests_in_flight`, help: 'HTTP requests being handled now' });

  return {
    onRequest: async (_request, reply) => {
      inFlight.inc();
      // 'close' fires for every response, also when the client aborts; onResponse does not then, so the gauge would leak.
      reply.raw.once('close', () => inFlight.dec());
    },
    onResponse: async (request, reply) => {
      const labels = { method: request.method, route: routeLabel(request), status: String(reply.statusCode) };
      requests.inc(labels);
      duration.observe(labels, reply.elapsedTime / 1000);
    },
  };
};
