import type { FastifyRequest } from 'fastify';
import { integerParameter, queryParameters } from '@meridian/platform/nest';
import type { CustomerListPageRequest } from '@meridian/read-models/customer-list';
import { maxPageSize } from '@meridian/read-models/customer-list';

export const segmentCustomersQuery = queryParameters(
  { limit: integerParameter(1, maxPageSize, 'Default 50'), offset: integerParameter(0, 1_000_000) },
  { readYourWrites: true },
);

/** A page of a segment's members (by name); the segment itself is a path parameter. */
export const parseSegmentCustomersQuery = (request: FastifyRequest): CustomerListPageRequest => {
  const read = segmentCustomersQuery.reader(request);
  const limit = read.value('limit');
  const offset = read.value('offset');
  read.done();
  return { ...(limit === undefined ? {} : { limit }), ...(offset === undefined ? {} : { offset }) };
};
