import type { FastifyRequest } from 'fastify';
import { queryReader } from '@meridian/platform/nest';
import type { CustomerListFilters, CustomerListPageRequest, CustomerListSort } from '@meridian/read-models/customer-list';
import { customerListSortFields, customerSegments, maxPageSize, searchPrefixOf } from '@meridian/read-models/customer-list';

export const intentLevels = ['hot', 'warm', 'cold'] as const;

export const listCustomersParameters = [
  'tag', 'group', 'region', 'industry', 'intent', 'ownerId', 'segment', 'search', 'includeMerged', 'sortBy', 'direction', 'limit', 'offset', 'minPosition',
] as const;

export type ListCustomersQuery = Readonly<{
  tenantId: string;
  filters: CustomerListFilters;
  sort: CustomerListSort;
  page: CustomerListPageRequest;
}>;

/** Drops the filters not given, so a query reads (and compares) as exactly what was asked. */
const given = <T extends Record<string, unknown>>(values: T): Partial<T> =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;

/**
 * The list query from the query string; every problem named in one 400.
 * A search with nothing searchable in it (only punctuation) is refused rather
 * than read as "no search", which would silently list everyone.
 */
export const parseListCustomersQuery = (request: FastifyRequest, tenantId: string): ListCustomersQuery => {
  const read = queryReader(request, listCustomersParameters);
  const search = read.text('search');
  if (search !== undefined && searchPrefixOf(search) === undefined) read.fail('search', 'must contain a letter, a digit, an email or a phone');
  const includeMerged = read.oneOf('includeMerged', ['true', 'false'] as const);
  const filters = given({
    tag: read.text('tag'),
    group: read.text('group'),
    region: read.text('region'),
    industry: read.text('industry'),
    intent: read.oneOf('intent', intentLevels),
    ownerId: read.text('ownerId'),
    segment: read.oneOf('segment', customerSegments),
    search,
    includeMerged: includeMerged === undefined ? undefined : includeMerged === 'true',
  });
  const sort = given({ by: read.oneOf('sortBy', customerListSortFields), direction: read.oneOf('direction', ['asc', 'desc'] as const) });
  const page = given({ limit: read.integer('limit', 1, maxPageSize), offset: read.integer('offset', 0, 1_000_000) });
  read.done();
  return { tenantId, filters, sort, page };
};
