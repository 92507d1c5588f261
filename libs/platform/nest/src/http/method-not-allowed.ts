/*
 * The parts of Fastify the hook uses. Structural on purpose, as in the in-flight
 * limit: Nest's adapter brings its own copy of fastify, whose nominal types
 * differ from the root one's.
 */
export type RouteFinder = Readonly<{ findRoute: (route: { method: string; url: string }) => { params?: Readonly<Record<string, unknown>> } | null | undefined }>;
export type RoutedRequest = Readonly<{ is404: boolean; method: string; url: string; params?: unknown }>;

/** Thrown for a path that exists under other methods; rendered as 405 with `Allow` (RFC 9110 §15.5.6). */
export class MethodNotAllowed extends Error {
  constructor(readonly method: string, readonly allowed: readonly string[]) {
    super(`${method} is not declared on this path; it takes ${allowed.join(', ')}`);
    this.name = 'MethodNotAllowed';
  }
}

const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/**
 * An `onRequest` hook: a request Fastify routed to "not found" whose path some
 * other method declares gets 405 instead of 404. So does one Fastify routed to
 * a templated path (GET /customers/{customerId} for /customers/imports) when
 * other methods declare that very path concretely: as in OpenAPI's path
 * matching, the concrete path is the one meant. It runs before body parsing,
 * so an unparsable body cannot turn the answer into a 400.
 */
export const methodNotAllowedHook = (fastify: RouteFinder) => async (request: RoutedRequest): Promise<void> => {
  const own = request.is404 ? Number.POSITIVE_INFINITY : Object.keys((request.params ?? {}) as object).length;
  if (own === 0) return;
  const url = request.url.split('?')[0] ?? '/';
  const matches = methods.flatMap((method) => {
    const route = method === request.method ? undefined : fastify.findRoute({ method, url });
    return route ? [{ method, parameters: Object.keys(route.params ?? {}).length }] : [];
  });
  const fewest = Math.min(...matches.map((match) => match.parameters));
  if (fewest >= own) return;
  throw new MethodNotAllowed(request.method, matches.filter((match) => match.parameters === fewest).map((match) => match.method));
};
