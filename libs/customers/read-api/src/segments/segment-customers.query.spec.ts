import type { FastifyRequest } from 'fastify';
import { queryParsing } from '@meridian/platform/nest/testing';
import { parseSegmentCustomersQuery } from './segment-customers.query';

const segmentQuery = queryParsing((request: FastifyRequest) => parseSegmentCustomersQuery(request));

describe('parseSegmentCustomersQuery', () => {
  it('reads a page, or none', () => {
    expect(segmentQuery.parse({})).toEqual({});
    expect(segmentQuery.parse({ limit: '10', offset: '20', minPosition: '1' })).toEqual({ limit: 10, offset: 20 });
  });

  it('refuses filters that belong to the list, and bad page values', () => {
    expect(segmentQuery.fieldsOf({ region: 'emea', limit: '0', offset: 'x' })).toEqual(['query:limit', 'query:offset', 'query:region']);
  });
});
