import type { Connection } from 'mongoose';
import type { DocumentQuery, FieldValue, GenerationCollections, ReadModelStore } from '@meridian/platform/projections';
import { sortKeyOf } from '@meridian/platform/projections';
import type { OpportunityListItem } from './opportunity-list.projection';
import { dealNamePrefixOf } from './opportunity-search.folding';

/** As the customer list names them: archived deals left out (`exclude`, the default), listed with the others (`include`) or alone (`only`). */
export const opportunityListArchivedFilters = ['exclude', 'include', 'only'] as const;
export type OpportunityListArchivedFilter = (typeof opportunityListArchivedFilters)[number];

export const opportunityListSortFields = ['expectedCloseDate', 'amount', 'openedAt'] as const;
export type OpportunityListSortField = (typeof opportunityListSortFields)[number];

export type OpportunityListQuery = Readonly<{
  tenantId: string;
  ownerId?: string;
  stage?: OpportunityListItem['stage'];
  region?: string;
  customerId?: string;
  /** Case-insensitive word-prefix search on the name (`wind tra` finds "North Wind Traders"); blank is no filter. */
  name?: string;
  /** Which deals: not archived (`exclude`, the default), archived ones too (`include`), or archived only (`only`). */
  archived?: OpportunityListArchivedFilter;
  /** Inclusive `YYYY-MM-DD` bounds on the expected close date. */
  closeDateFrom?: string;
  closeDateTo?: string;
  sortBy?: OpportunityListSortField;
  direction?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  /** Keyset paging: the page after the row with these sort values (`nextAfter` of the page before); offset is then ignored. */
  after?: readonly FieldValue[];
}>;

/** `nextAfter`: the last row's sort values when another page follows (the `after` for it), else null. */
export type OpportunityListPage = Readonly<{ items: readonly OpportunityListItem[]; limit: number; offset: number; hasMore: boolean; nextAfter: readonly FieldValue[] | null }>;

/** The sort a query gets when it names none. */
export const defaultOpportunityListSort = { by: 'expectedCloseDate', direction: 'asc' } as const satisfies Readonly<{ by: OpportunityListSortField; direction: 'asc' | 'desc' }>;

export const maxPageSize = 200;
export const defaultPageSize = 50;

/** Each sort field leads an index after the tenant, so every list query is an index range scan. */
const indexes: readonly Readonly<Record<string, 1>>[] = [
  { tenantId: 1, expectedCloseDate: 1, opportunityId: 1 },
  { tenantId: 1, amount: 1, opportunityId: 1 },
  { tenantId: 1, openedAt: 1, opportunityId: 1 },
  { tenantId: 1, ownerId: 1 },
  { tenantId: 1, customerId: 1 },
  // Multikey: one entry per search term, so a name prefix is a range on this index.
  { tenantId: 1, searchTerms: 1 },
];

/** Idempotent; run before the projection writes a generation. */
export const ensureOpportunityListIndexes = async (connection: Connection, collections: GenerationCollections): Promise<void> => {
  const collection = connection.collection(collections.documents);
  for (const keys of indexes) await collection.createIndex(keys);
};

/**
 * A tenant's opportunities, filtered, sorted and paged with plain
 * find/sort/skip/limit (no aggregation, so FerretDB and the memory store
 * serve it too). The opportunity id breaks ties, so pages never overlap or
 * skip a row. Amounts are compared as numbers whatever their currency.
 */
export const listOpportunities = async (documents: ReadModelStore<OpportunityListItem>, query: OpportunityListQuery): Promise<OpportunityListPage> => {
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? defaultPageSize), 1), maxPageSize);
  const offset = query.after === undefined ? Math.max(Math.trunc(query.offset ?? 0), 0) : 0;
  const equals: Record<string, string> = { tenantId: query.tenantId };
  if (query.ownerId !== undefined) equals.ownerId = query.ownerId;
  if (query.stage !== undefined) equals.stage = query.stage;
  if (query.region !== undefined) equals.region = query.region;
  if (query.customerId !== undefined) equals.customerId = query.customerId;
  const archived = query.archived ?? 'exclude';
  if (archived !== 'include') equals.visibility = archived === 'only' ? 'archived' : 'active';
  const namePrefix = query.name === undefined ? undefined : dealNamePrefixOf(query.name);
  const order = (query.direction ?? defaultOpportunityListSort.direction) === 'desc' ? -1 : 1;
  const sort: NonNullable<DocumentQuery['sort']> = [[query.sortBy ?? defaultOpportunityListSort.by, order], ['opportunityId', order]];
  const found = await documents.find({
    equals,
    ...(namePrefix === undefined ? {} : { prefix: { searchTerms: namePrefix } }),
    ranges: { expectedCloseDate: { gte: query.closeDateFrom, lte: query.closeDateTo } },
    sort,
    ...(query.after === undefined ? {} : { after: query.after }),
    skip: offset,
    limit: limit + 1,
  });
  const items = found.slice(0, limit);
  const hasMore = found.length > limit;
  return { items, limit, offset, hasMore, nextAfter: hasMore ? sortKeyOf(items[items.length - 1]!, sort) : null };
};
