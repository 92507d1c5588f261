import type { FastifyRequest } from 'fastify';
import type { OrderListQuery } from '@meridian/read-models/order-list';
import { defaultPageSize, maxPageSize, orderListSortFields, orderListStatuses } from '@meridian/read-models/order-list';
import { cursorParameter, dateParameter, integerParameter, oneOfParameter, queryParameters, readPageCursor, textParameter } from '@meridian/platform/nest';
import { orderListCursorScope } from './list-orders.cursor';

export const maxOffset = 1_000_000;

export const listOrdersQuery = queryParameters(
  {
    customerId: textParameter(),
    status: oneOfParameter(orderListStatuses),
    opportunityId: textParameter(),
    placedFrom: dateParameter('Inclusive, YYYY-MM-DD, on the UTC day the order was placed or drafted'),
    placedTo: dateParameter('Inclusive, YYYY-MM-DD; not before placedFrom'),
    sortBy: oneOfParameter(orderListSortFields, 'Default placedAt; the order id breaks ties'),
    direction: oneOfParameter(['asc', 'desc'] as const, 'Default desc (newest or largest first)'),
    limit: integerParameter(1, maxPageSize, `Default ${defaultPageSize}`),
    offset: integerParameter(0, maxOffset, 'Not with cursor'),
    cursor: cursorParameter(),
  },
  { readYourWrites: true },
);

/** The list query from the query string; every problem named in one 400. */
export const parseListOrdersQuery = (request: FastifyRequest, tenantId: string): OrderListQuery => {
  const read = listOrdersQuery.reader(request);
  const query: OrderListQuery = {
    tenantId,
    customerId: read.value('customerId'),
    status: read.value('status'),
    opportunityId: read.value('opportunityId'),
    placedFrom: read.value('placedFrom'),
    placedTo: read.value('placedTo'),
    sortBy: read.value('sortBy'),
    direction: read.value('direction'),
    limit: read.value('limit'),
    offset: read.value('offset'),
  };
  if (query.placedFrom !== undefined && query.placedTo !== undefined && query.placedFrom > query.placedTo) {
    read.fail('placedTo', 'must not be before placedFrom');
  }
  const after = readPageCursor(request, read, orderListCursorScope(query));
  read.done();
  return after === undefined ? query : { ...query, after };
};
