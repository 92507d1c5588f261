import type { Connection } from 'mongoose';
import type { CounterStore, DocumentQuery, FieldValue, GenerationCollections, ReadModelStore } from '@meridian/platform/projections';
import { sortKeyOf, sumCounterFigures } from '@meridian/platform/projections';
import { searchPrefixOf } from './customer-search.folding';
import type { CustomerIntentLevel, CustomerListItem, CustomerListStatus, CustomerSegment } from './customer-list.model';
import { customerSegments } from './customer-list.model';

export type CustomerListFilters = Readonly<{
  tag?: string;
  group?: string;
  region?: string;
  industry?: string;
  intent?: CustomerIntentLevel;
  ownerId?: string;
  segment?: CustomerSegment;
  /** Free text: a word or words of a name or contact name, an email, a domain or a phone, matched as a prefix. */
  search?: string;
  /** Also list customers merged into another (default false). */
  includeMerged?: boolean;
  /** Archived customers: left out (`exclude`, the default), listed with the others (`include`) or listed alone (`only`). */
  archived?: CustomerListArchivedFilter;
}>;

export const customerListArchivedFilters = ['exclude', 'include', 'only'] as const;
export type CustomerListArchivedFilter = (typeof customerListArchivedFilters)[number];

/** The statuses a list shows: `only` archived means archived alone, merged ones included or not. */
const listedStatusesOf = (filters: CustomerListFilters): CustomerListStatus[] => {
  if (filters.archived === 'only') return ['archived'];
  return [
    'active',
    ...(filters.includeMerged === true ? (['merged'] as const) : []),
    ...(filters.archived === 'include' ? (['archived'] as const) : []),
  ];
};

export const customerListSortFields = ['name', 'registeredAt'] as const;
export type CustomerListSortField = (typeof customerListSortFields)[number];
export type CustomerListSort = Readonly<{ by?: CustomerListSortField; direction?: 'asc' | 'desc' }>;
/** `after`: keyset paging, the page after the row with these sort values (`nextAfter` of the page before); offset is then ignored. */
export type CustomerListPageRequest = Readonly<{ limit?: number; offset?: number; after?: readonly FieldValue[] }>;

/** The sort a list gets when it names none. */
export const defaultCustomerListSort = { by: 'name', direction: 'asc' } as const satisfies Readonly<{ by: CustomerListSortField; direction: 'asc' | 'desc' }>;

/**
 * `hasMore` comes from fetching one row more than asked: no count query, which a big tenant would pay for on every page.
 * `nextAfter`: the last row's sort values when another page follows (the `after` for it), else null.
 */
export type CustomerListPage = Readonly<{ items: readonly CustomerListItem[]; limit: number; offset: number; hasMore: boolean; nextAfter: readonly FieldValue[] | null }>;

export type SegmentDistribution = Readonly<{ segments: Readonly<Record<CustomerSegment, number>>; total: number }>;

export const maxPageSize = 200;
export const defaultPageSize = 50;

/** The document id of a customer's row: its stream id. */
export const customerListIdOf = (customerId: string): string => `customer-${customerId}`;

/** Clamps a requested page to what the API allows. */
export const pageOf = (page: CustomerListPageRequest): Readonly<{ limit: number; offset: number }> => ({
  limit: Math.min(Math.max(Math.trunc(page.limit ?? defaultPageSize), 1), maxPageSize),
  offset: Math.max(Math.trunc(page.offset ?? 0), 0),
});

const sortKeys: Readonly<Record<CustomerListSortField, string>> = { name: 'nameKey', registeredAt: 'registeredAt' };

/**
 * Every list query starts with tenant and status, then the sort key (or the
 * array it filters on), so each is an index range scan. Multikey indexes
 * serve the array fields (tags, groups, search terms, contact keys).
 */
const documentIndexes: readonly Readonly<Record<string, 1>>[] = [
  { tenantId: 1, status: 1, nameKey: 1, customerId: 1 },
  { tenantId: 1, status: 1, registeredAt: 1, customerId: 1 },
  { tenantId: 1, region: 1, nameKey: 1 },
  { tenantId: 1, segment: 1, nameKey: 1 },
  { hasPurchases: 1, status: 1, tenantId: 1, customerId: 1 },
  { tenantId: 1, ownerId: 1, nameKey: 1 },
  { tenantId: 1, tags: 1 },
  { tenantId: 1, groups: 1 },
  { tenantId: 1, searchTerms: 1 },
  { tenantId: 1, contactKeys: 1 },
  { tenantId: 1, customerId: 1 },
];

/** Idempotent; run before the projection writes a generation. */
export const ensureCustomerListIndexes = async (connection: Connection, collections: GenerationCollections): Promise<void> => {
  const documents = connection.collection(collections.documents);
  for (const keys of documentIndexes) await documents.createIndex(keys);
  await connection.collection(collections.counters).createIndex({ tenantId: 1 });
};

/** The store query for a filtered list, without sort or page. `undefined` filters and blank search are ignored. */
export const customerListFilterOf = (tenantId: string, filters: CustomerListFilters): DocumentQuery => {
  const equals: Record<string, string> = { tenantId };
  const statuses = listedStatusesOf(filters);
  // One status is an equality (the index's second field); every status is no condition at all.
  const oneOf: Record<string, readonly string[]> = {};
  if (statuses.length === 1) equals.status = statuses[0]!;
  else if (statuses.length < 3) oneOf.status = statuses;
  for (const field of ['region', 'industry', 'ownerId', 'segment'] as const) {
    const value = filters[field];
    if (value !== undefined) equals[field] = value;
  }
  if (filters.intent !== undefined) equals.intentLevel = filters.intent;
  const contains: Record<string, string> = {};
  if (filters.tag !== undefined) contains.tags = filters.tag.trim().toLowerCase();
  if (filters.group !== undefined) contains.groups = filters.group;
  const search = filters.search === undefined ? undefined : searchPrefixOf(filters.search);
  return { equals, ...(Object.keys(oneOf).length > 0 ? { oneOf } : {}), contains, prefix: search === undefined ? {} : { searchTerms: search } };
};

/**
 * A tenant's customers, filtered, sorted and paged with plain
 * find/sort/skip/limit (FerretDB and the memory store serve it the same
 * way). The customer id breaks ties, so pages never overlap or skip a row;
 * paged by `after` (keyset) they also hold while customers are added.
 */
export const listCustomers = async (
  documents: ReadModelStore<CustomerListItem>,
  tenantId: string,
  filters: CustomerListFilters = {},
  sort: CustomerListSort = {},
  page: CustomerListPageRequest = {},
): Promise<CustomerListPage> => {
  const { limit } = pageOf(page);
  const offset = page.after === undefined ? pageOf(page).offset : 0;
  const order = (sort.direction ?? defaultCustomerListSort.direction) === 'desc' ? -1 : 1;
  const keys: NonNullable<DocumentQuery['sort']> = [[sortKeys[sort.by ?? defaultCustomerListSort.by], order], ['customerId', order]];
  const found = await documents.find({
    ...customerListFilterOf(tenantId, filters),
    sort: keys,
    ...(page.after === undefined ? {} : { after: page.after }),
    skip: offset,
    limit: limit + 1,
  });
  const items = found.slice(0, limit);
  const hasMore = found.length > limit;
  return { items, limit, offset, hasMore, nextAfter: hasMore ? sortKeyOf(items[items.length - 1]!, keys) : null };
};

/** One customer's row, merged-away ones included (they carry `mergedInto` for a redirect); null if unknown to this tenant. */
export const getCustomer = async (documents: ReadModelStore<CustomerListItem>, tenantId: string, customerId: string): Promise<CustomerListItem | null> => {
  const item = await documents.load(customerListIdOf(customerId));
  return item !== null && item.tenantId === tenantId ? item : null;
};

/** The active customers of one segment, by name (archived and merged-away ones are in no segment's list). */
export const customersInSegment = (
  documents: ReadModelStore<CustomerListItem>,
  tenantId: string,
  segment: CustomerSegment,
  page: CustomerListPageRequest = {},
): Promise<CustomerListPage> => listCustomers(documents, tenantId, { segment }, { by: 'name', direction: 'asc' }, page);

/**
 * Active customers with any recorded purchase, by tenant: the ones a sweep
 * judges (an archived customer is judged again once restored, by the next
 * sweep or order value). A customer in A may be among them (its purchases left the window,
 * or are in another currency), and a wider window or a new policy can move it.
 */
export const customersWithPurchases = (
  documents: ReadModelStore<CustomerListItem>,
  page: Readonly<{ skip: number; limit: number }>,
): Promise<CustomerListItem[]> =>
  documents.find({ equals: { hasPurchases: 1, status: 'active' }, sort: [['tenantId', 1], ['customerId', 1]], skip: page.skip, limit: page.limit });

/** Read from the counters alone (a handful of per-lane documents), never by scanning customers. */
export const segmentDistribution = async (counters: CounterStore, tenantId: string): Promise<SegmentDistribution> => {
  const figures = sumCounterFigures(await counters.find({ equals: { tenantId } }));
  const segments = Object.fromEntries(customerSegments.map((segment) => [segment, figures[segment] ?? 0])) as Record<CustomerSegment, number>;
  return { segments, total: customerSegments.reduce((sum, segment) => sum + segments[segment], 0) };
};
