import type { Connection } from 'mongoose';
import type { OpportunityListItem } from './opportunity-list.projection';
import { opportunityListReadModel } from './opportunity-list.projection';

export type OpportunityListSortField = 'expectedCloseDate' | 'amount' | 'openedAt';

export type OpportunityListQuery = Readonly<{
  tenantId: string;
  ownerId?: string;
  stage?: OpportunityListItem['stage'];
  region?: string;
  /** Inclusive `YYYY-MM-DD` bounds on the expected close date. */
  closeDateFrom?: string;
  closeDateTo?: string;
  sortBy?: OpportunityListSortField;
  direction?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}>;

export type OpportunityListPage = Readonly<{ items: readonly OpportunityListItem[]; limit: number; offset: number; hasMore: boolean }>;

export const maxPageSize = 200;
const defaultPageSize = 50;

/** Each sort field leads an index after the tenant, so every list query is an index range scan. */
const indexes: readonly Readonly<Record<string, 1>>[] = [
  { tenantId: 1, expectedCloseDate: 1, opportunityId: 1 },
  { tenantId: 1, amount: 1, opportunityId: 1 },
  { tenantId: 1, openedAt: 1, opportunityId: 1 },
  { tenantId: 1, ownerId: 1 },
];

/** Idempotent; run at start, before the projection writes. */
export const ensureOpportunityListIndexes = async (connection: Connection, collectionName = opportunityListReadModel): Promise<void> => {
  const collection = connection.collection(collectionName);
  for (const keys of indexes) await collection.createIndex(keys);
};

/**
 * A tenant's opportunities, filtered, sorted and paged with plain
 * find/sort/skip/limit (no aggregation, so FerretDB serves it too). The
 * opportunity id breaks ties, so pages never overlap or skip a row.
 * Amounts are compared as numbers whatever their currency.
 */
export const listOpportunities = async (
  connection: Connection,
  query: OpportunityListQuery,
  collectionName = opportunityListReadModel,
): Promise<OpportunityListPage> => {
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? defaultPageSize), 1), maxPageSize);
  const offset = Math.max(Math.trunc(query.offset ?? 0), 0);
  const filter: Record<string, unknown> = { tenantId: query.tenantId };
  if (query.ownerId !== undefined) filter.ownerId = query.ownerId;
  if (query.stage !== undefined) filter.stage = query.stage;
  if (query.region !== undefined) filter.region = query.region;
  const closeDate: Record<string, string> = {};
  if (query.closeDateFrom !== undefined) closeDate.$gte = query.closeDateFrom;
  if (query.closeDateTo !== undefined) closeDate.$lte = query.closeDateTo;
  if (Object.keys(closeDate).length > 0) filter.expectedCloseDate = closeDate;
  const order = query.direction === 'desc' ? -1 : 1;
  const found = await connection
    .collection(collectionName)
    .find(filter, { projection: { _id: 0 } })
    .sort({ [query.sortBy ?? 'expectedCloseDate']: order, opportunityId: order })
    .skip(offset)
    .limit(limit + 1)
    .toArray();
  const items = found.slice(0, limit) as unknown as OpportunityListItem[];
  return { items, limit, offset, hasMore: found.length > limit };
};
