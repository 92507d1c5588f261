import type { FastifyRequest } from 'fastify';
import { cursorParameter, integerParameter, oneOfParameter, queryParameters, readPageCursor, ruleParameter, textParameter } from '@meridian/platform/nest';
import type { CustomerListFilters, CustomerListPageRequest, CustomerListSort } from '@meridian/read-models/customer-list';
import { customerListArchivedFilters, customerListSortFields, customerSegments, maxPageSize, searchPrefixOf } from '@meridian/read-models/customer-list';
import { customerListCursorScope } from './customer-list.cursor';

export const intentLevels = ['hot', 'warm', 'cold'] as const;

export const listCustomersQuery = queryParameters(
  {
    tag: textParameter('Has this tag (compared lower-cased)'),
    group: textParameter('Belongs to this group'),
    region: textParameter(),
    industry: textParameter(),
    intent: oneOfParameter(intentLevels),
    ownerId: textParameter(),
    segment: oneOfParameter(customerSegments),
    search: ruleParameter(
      {
        // Something to search for: a letter or digit of any script (what the folding keeps), or an email's @.
        schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f]*[\\p{L}\\p{N}@][^\\u0000-\\u001f\\u007f-\\u009f]*$' },
        message: 'must be 1-200 characters without control characters, with a letter, a digit, an email or a phone in it',
      },
      'Prefix of a word of the name or a contact name, of an email or its domain, or of a phone',
    ),
    includeMerged: oneOfParameter(['true', 'false'] as const, 'Default false'),
    archived: oneOfParameter(customerListArchivedFilters, 'Archived customers: exclude (default), include (with the others) or only'),
    sortBy: oneOfParameter(customerListSortFields, 'Default name'),
    direction: oneOfParameter(['asc', 'desc'] as const),
    limit: integerParameter(1, maxPageSize, 'Default 50'),
    offset: integerParameter(0, 1_000_000, 'Not with cursor'),
    cursor: cursorParameter(),
  },
  { readYourWrites: true },
);

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
  const read = listCustomersQuery.reader(request);
  const search = read.value('search');
  if (search !== undefined && searchPrefixOf(search) === undefined) read.fail('search', 'must contain a letter, a digit, an email or a phone');
  const includeMerged = read.value('includeMerged');
  const filters = given({
    tag: read.value('tag'),
    group: read.value('group'),
    region: read.value('region'),
    industry: read.value('industry'),
    intent: read.value('intent'),
    ownerId: read.value('ownerId'),
    segment: read.value('segment'),
    search,
    includeMerged: includeMerged === undefined ? undefined : includeMerged === 'true',
    archived: read.value('archived'),
  });
  const sort = given({ by: read.value('sortBy'), direction: read.value('direction') });
  const after = readPageCursor(request, read, customerListCursorScope(tenantId, filters, sort));
  const page = given({ limit: read.value('limit'), offset: read.value('offset'), after });
  read.done();
  return { tenantId, filters, sort, page };
};
