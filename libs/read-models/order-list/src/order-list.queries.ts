import type { Connection } from 'mongoose';
import type { DocumentQuery, FieldRange, FieldValue, GenerationCollections, ReadModelStore } from '@meridian/platform/projections';
import { sortKeyOf } from '@meridian/platform/projections';
import type { OrderListItem, OrderListStatus } from './order-list.projection';

export const orderListSortFields = ['placedAt', 'total'] as const;
export type OrderListSortField = (typeof orderListSortFields)[number];

export type OrderListQuery = Readonly<{
  tenantId: string;
  customerId?: string;
  status?: OrderListStatus;
  opportunityId?: string;
  /** Inclusive `YYYY-MM-DD` bounds on the UTC day the order was placed (or drafted). */
  placedFrom?: string;
  placedTo?: string;
  /** Default `placedAt`. */
  sortBy?: OrderListSortField;
  /** Default `desc`: newest (or largest) first. */
  direction?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  /** Keyset paging: the page after the row with these sort values (`nextAfter` of the page before); offset is then ignored. */
  after?: readonly FieldValue[];
}>;

/** `nextAfter`: the last row's sort values when another page follows (the `after` for it), else null. */
export type OrderListPage = Readonly<{ items: readonly OrderListItem[]; limit: number; offset: number; hasMore: boolean; nextAfter: readonly FieldValue[] | null }>;

/** The sort a query gets when it names none. */
export const defaultOrderListSort = { by: 'placedAt', direction: 'desc' } as const satisfies Readonly<{ by: OrderListSortField; direction: 'asc' | 'desc' }>;

export const maxPageSize = 200;
export const defaultPageSize = 50;

/**
 * Each sort field leads an index after the tenant (every unfiltered list is an
 * index range scan), and each equality filter has one of its own, followed by
 * the default sort.
 */
const indexes: readonly Readonly<Record<string, 1>>[] = [
  { tenantId: 1, placedAt: 1, orderId: 1 },
  { tenantId: 1, total: 1, orderId: 1 },
  { tenantId: 1, customerId: 1, placedAt: 1 },
  { tenantId: 1, status: 1, placedAt: 1 },
  { tenantId: 1, opportunityId: 1 },
];

/** Idempotent; run before the projection writes a generation. */
export const ensureOrderListIndexes = async (connection: Connection, collections: GenerationCollections): Promise<void> => {
  const collection = connection.collection(collections.documents);
  for (const keys of indexes) await collection.createIndex(keys);
};

/** `placedAt` is stored as `toISOString()` text, so whole UTC days are a text range. */
const placedRange = (query: OrderListQuery): FieldRange => ({
  ...(query.placedFrom === undefined ? {} : { gte: `${query.placedFrom}T00:00:00.000Z` }),
  ...(query.placedTo === undefined ? {} : { lte: `${query.placedTo}T23:59:59.999Z` }),
});

/**
 * A tenant's orders, filtered, sorted and paged with plain
 * find/sort/skip/limit (no aggregation, so FerretDB, the SQL read store and
 * memory serve it alike). The order id breaks ties, so pages never overlap or
 * skip a row; paged by `after` (keyset) they also hold while orders are placed. Totals are compared as numbers whatever their currency.
 */
export const listOrders = async (documents: ReadModelStore<OrderListItem>, query: OrderListQuery): Promise<OrderListPage> => {
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? defaultPageSize), 1), maxPageSize);
  const offset = query.after === undefined ? Math.max(Math.trunc(query.offset ?? 0), 0) : 0;
  const equals: Record<string, string> = { tenantId: query.tenantId };
  if (query.customerId !== undefined) equals.customerId = query.customerId;
  if (query.status !== undefined) equals.status = query.status;
  if (query.opportunityId !== undefined) equals.opportunityId = query.opportunityId;
  const order = (query.direction ?? defaultOrderListSort.direction) === 'asc' ? 1 : -1;
  const sort: NonNullable<DocumentQuery['sort']> = [[query.sortBy ?? defaultOrderListSort.by, order], ['orderId', order]];
  const found = await documents.find({
    equals,
    ranges: { placedAt: placedRange(query) },
    sort,
    ...(query.after === undefined ? {} : { after: query.after }),
    skip: offset,
    limit: limit + 1,
  });
  const items = found.slice(0, limit);
  const hasMore = found.length > limit;
  return { items, limit, offset, hasMore, nextAfter: hasMore ? sortKeyOf(items[items.length - 1]!, sort) : null };
};
