import type { FastifyRequest } from 'fastify';
import { integerParameter, queryParameters } from '@meridian/platform/nest';

export const maxContactPageSize = 200;
export const defaultContactPageSize = 50;

export const listContactsQuery = queryParameters({
  limit: integerParameter(1, maxContactPageSize, `Default ${defaultContactPageSize}`),
  offset: integerParameter(0, 1_000_000, 'Default 0'),
});

/** `limit` 1-200 (default 50) and `offset` 0-1,000,000 (default 0); anything else (or another parameter) is a 400 naming it. */
export const parseContactPage = (request: FastifyRequest): Readonly<{ limit: number; offset: number }> => {
  const read = listContactsQuery.reader(request);
  const limit = read.value('limit') ?? defaultContactPageSize;
  const offset = read.value('offset') ?? 0;
  read.done();
  return { limit, offset };
};
