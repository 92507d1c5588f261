import type { FastifyRequest } from 'fastify';
import { queryReader } from '@meridian/platform/nest';
import type { CustomerListPageRequest } from '@meridian/read-models/customer-list';
import { maxPageSize } from '@meridian/read-models/customer-list';

export const segmentCustomersParameters = ['limit', 'offset', 'minPosition'] as const;

/** A page of a segment's members (by name); the segment itself is a path parameter. */
export const parseSegmentCustomersQuery = (request: FastifyRequest): CustomerListPageRequest => {
  const read = queryReader(request, segmentCustomersParameters);
  const limit = read.integer('limit', 1, maxPageSize);
  const offset = read.integer('offset', 0, 1_000_000);
  read.done();
  return { ...(limit === undefined ? {} : { limit }), ...(offset === undefined ? {} : { offset }) };
};
