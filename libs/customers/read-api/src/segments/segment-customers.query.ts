import type { FastifyRequest } from 'fastify';
import { cursorParameter, integerParameter, queryParameters, readPageCursor } from '@meridian/platform/nest';
import type { CustomerListPageRequest, CustomerSegment } from '@meridian/read-models/customer-list';
import { maxPageSize } from '@meridian/read-models/customer-list';
import { segmentCustomersCursorScope } from '../list-customers/customer-list.cursor';

export const segmentCustomersQuery = queryParameters(
  { limit: integerParameter(1, maxPageSize, 'Default 50'), offset: integerParameter(0, 1_000_000, 'Not with cursor'), cursor: cursorParameter() },
  { readYourWrites: true },
);

/** A page of a segment's members (by name); the segment itself is a path parameter. */
export const parseSegmentCustomersQuery = (request: FastifyRequest, tenantId: string, segment: CustomerSegment): CustomerListPageRequest => {
  const read = segmentCustomersQuery.reader(request);
  const limit = read.value('limit');
  const offset = read.value('offset');
  const after = readPageCursor(request, read, segmentCustomersCursorScope(tenantId, segment));
  read.done();
  return { ...(limit === undefined ? {} : { limit }), ...(offset === undefined ? {} : { offset }), ...(after === undefined ? {} : { after }) };
};
