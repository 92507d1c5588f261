import type { Registry } from 'prom-client';
import { Counter } from 'prom-client';
import { problem, problemContentType } from './problem-details';

/*
 * The parts of Fastify's request and reply the hook uses. Structural on
 * purpose, as in http-metrics: Nest's adapter brings its own copy of fastify,
 * whose nominal types differ from the root one's.
 */
export type LimitedRequest = Readonly<{ url: string; routeOptions: Readonly<{ url?: string }> }>;
export type LimitedReply = {
  readonly raw: { once(event: 'close', listener: () => void): unknown };
  code(status: number): unknown;
  header(name: string, value: string): unknown;
  send(payload: unknown): unknown;
};

export type ShedReason = 'overloaded' | 'shutting-down';

export type InFlightLimit = Readonly<{
  /** Fastify onRequest hook: admits the request or answers 503 before any of its work runs. */
  onRequest: (request: LimitedRequest, reply: LimitedReply) => Promise<unknown>;
  /**
   * Fastify onSend hook: once draining, every answer (in-flight ones and probes included) says `Connection: close`,
   * so Node closes each connection after its response and no client keeps one to reuse while the server goes away.
   */
  onSend: <Payload>(request: unknown, reply: LimitedReply, payload: Payload) => Promise<Payload>;
  /** Refuses new requests from now on; resolves once every admitted one has been answered. */
  drain: () => Promise<void>;
  inFlight: () => number;
}>;

/** Probes and scrapes must answer while the host is full or draining, or a busy pod would be restarted for being busy. */
const exemptRoutes = new Set(['/health/live', '/health/ready', '/metrics']);

/**
 * Bounded in-flight work. Past `maxInFlight` a request is refused at once
 * instead of queuing behind the others, so latency stays bounded and the
 * client (or the load balancer) can go elsewhere.
 *
 * 503, not 429: 429 says "you, this client, exceed your rate" and would be
 * wrong to a client that sent one request; here the server as a whole is full,
 * which is 503 (RFC 9110 §15.6.4), temporary, hence `Retry-After`. A refused
 * request never reaches routing, so it appends nothing and is safe to retry.
 *
 * Counting: the slot is taken in onRequest and given back on the raw
 * response's 'close', which Node emits exactly once per response, also when
 * the client aborts or a handler throws; onResponse alone would miss aborts.
 */
export const inFlightLimit = (maxInFlight: number, registry: Registry): InFlightLimit => {
  const shed = shedCounter(registry);
  let inFlight = 0;
  let drained: Promise<void> | undefined;
  let resolveDrained = (): void => undefined;

  const release = () => {
    inFlight -= 1;
    if (inFlight === 0) resolveDrained();
  };

  const refuse = (request: LimitedRequest, reply: LimitedReply, reason: ShedReason) => {
    shed.inc({ reason });
    const body = reason === 'overloaded'
      ? problem(503, 'overloaded', 'Server overloaded', `This instance is already handling ${maxInFlight} requests; retry shortly`)
      : problem(503, 'shutting-down', 'Server shutting down', 'This instance is shutting down; retry, another instance will answer');
    reply.code(503);
    reply.header('Retry-After', '1');
    reply.header('Content-Type', problemContentType);
    // A draining instance wants its keep-alive connections gone, so the retry opens one elsewhere.
    closeConnectionWhenDraining(reply);
    reply.send({ ...body, instance: request.url });
    return reply;
  };

  const closeConnectionWhenDraining = (reply: LimitedReply) => {
    if (drained !== undefined) reply.header('Connection', 'close');
  };

  return {
    onRequest: async (request, reply) => {
      if (request.routeOptions.url !== undefined && exemptRoutes.has(request.routeOptions.url)) return undefined;
      if (drained !== undefined) return refuse(request, reply, 'shutting-down');
      if (inFlight >= maxInFlight) return refuse(request, reply, 'overloaded');
      inFlight += 1;
      reply.raw.once('close', release);
      return undefined;
    },
    onSend: async (_request, reply, payload) => {
      closeConnectionWhenDraining(reply);
      return payload;
    },
    drain: () => {
      drained ??= inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => (resolveDrained = resolve));
      return drained;
    },
    inFlight: () => inFlight,
  };
};

/** One per registry; a second host on the same registry reuses it rather than failing "already registered". */
const shedCounter = (registry: Registry): Counter<'reason'> => {
  const name = 'meridian_http_requests_shed_total';
  return (registry.getSingleMetric(name) as Counter<'reason'> | undefined) ??
    new Counter({ name, help: 'HTTP requests refused with 503 before any work: over HTTP_MAX_IN_FLIGHT (overloaded) or during shutdown', labelNames: ['reason'], registers: [registry] });
};
