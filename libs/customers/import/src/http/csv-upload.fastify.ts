import { UnsupportedMediaTypeException } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Route config key marking a route that takes a CSV body, with its own body limit. */
const csvUploadKey = 'meridianCsvUpload';
type CsvUploadConfig = Readonly<{ bodyLimit: number }>;

export const csvMediaTypes = ['text/csv', 'application/csv'] as const;

/**
 * Marks a Nest handler (Fastify adapter) as taking a CSV body of up to
 * `bodyLimit` bytes. Other routes keep the host's limit (1 MiB) and refuse CSV.
 */
export const CsvUpload = (bodyLimit: number) => RouteConfig(csvUploadRouteConfig(bodyLimit));

/** The same marking for a route declared on Fastify directly: `fastify.post(url, { config: csvUploadRouteConfig(n) }, handler)`. */
export const csvUploadRouteConfig = (bodyLimit: number): Record<string, CsvUploadConfig> => ({ [csvUploadKey]: { bodyLimit } });

const csvUploadOf = (config: unknown): CsvUploadConfig | undefined =>
  typeof config === 'object' && config !== null ? ((config as Record<string, unknown>)[csvUploadKey] as CsvUploadConfig | undefined) : undefined;

const registered = new WeakSet<FastifyInstance>();

/**
 * Teaches a Fastify instance CSV bodies: a `text/csv` (or `application/csv`)
 * body arrives as the raw bytes (a Buffer: the importer hashes exactly what was
 * sent), only on routes marked with `CsvUpload`, which also get their larger
 * body limit. Must run before the routes are registered (before `app.init()`
 * or `listen`); calling it again on the same instance does nothing.
 */
export const registerCsvUploads = (fastify: FastifyInstance): void => {
  if (registered.has(fastify)) return;
  registered.add(fastify);
  fastify.addHook('onRoute', (route) => {
    const upload = csvUploadOf(route.config);
    if (upload) route.bodyLimit = upload.bodyLimit;
  });
  fastify.addContentTypeParser([...csvMediaTypes], { parseAs: 'buffer' }, (request: FastifyRequest, body: Buffer | string, done) => {
    if (!csvUploadOf(request.routeOptions.config)) {
      done(new UnsupportedMediaTypeException(`${request.headers['content-type'] ?? 'text/csv'} is not accepted here`), undefined);
      return;
    }
    done(null, body);
  });
};
