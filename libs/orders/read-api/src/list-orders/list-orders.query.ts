import type { FastifyRequest } from 'fastify';
import type { OrderListQuery } from '@meridian/read-models/order-list';
import { maxPageSize, orderListSortFields, orderListStatuses } from '@meridian/read-models/order-list';
import { queryReader } from '@meridian/platform/nest';

export const maxOffset = 1_000_000;

export const listOrdersParameters = [
  'customerId', 'status', 'opportunityId', 'placedFrom', 'placedTo', 'sortBy', 'direction', 'limit', 'offset', 'minPosition',
] as const;

/** The list query from the query string; every problem named in one 400. */
export const parseListOrdersQuery = (request: FastifyRequest, tenantId: string): OrderListQuery => {
  const read = queryReader(request, listOrdersParameters);
  const query: OrderListQuery = {
    tenantId,
    customerId: read.text('customerId'),
    status: read.oneOf('status', orderListStatuses),
    opportunityId: read.text('opportunityId'),
    placedFrom: read.date('placedFrom'),
    placedTo: read.date('placedTo'),
    sortBy: read.oneOf('sortBy', orderListSortFields),
    direction: read.oneOf('direction', ['asc', 'desc'] as const),
    limit: read.integer('limit', 1, maxPageSize),
    offset: read.integer('offset', 0, maxOffset),
  };
  if (query.placedFrom !== undefined && query.placedTo !== undefined && query.placedFrom > query.placedTo) {
    read.fail('placedTo', 'must not be before placedFrom');
  }
  read.done();
  return query;
};
