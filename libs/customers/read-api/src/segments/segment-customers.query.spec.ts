import type { FastifyRequest } from 'fastify';
import { encodePageCursor } from '@meridian/platform/nest';
import { queryParsing } from '@meridian/platform/nest/testing';
import { customerListCursorScope, segmentCustomersCursorScope } from '../list-customers/customer-list.cursor';
import { parseSegmentCustomersQuery } from './segment-customers.query';

const segmentQuery = queryParsing((request: FastifyRequest, tenantId: string) => parseSegmentCustomersQuery(request, tenantId, 'A'));

describe('parseSegmentCustomersQuery', () => {
  it('reads a page, or none', () => {
    expect(segmentQuery.parse({})).toEqual({});
    expect(segmentQuery.parse({ limit: '10', offset: '20', minPosition: '1' })).toEqual({ limit: 10, offset: 20 });
  });

  it('refuses filters that belong to the list, and bad page values', () => {
    expect(segmentQuery.fieldsOf({ region: 'emea', limit: '0', offset: 'x' })).toEqual(['query:limit', 'query:offset', 'query:region']);
  });

  it('reads a cursor of this segment as the page after it', () => {
    const cursor = encodePageCursor(segmentCustomersCursorScope('acme', 'A'), ['contoso labs', 'c-7']);
    expect(segmentQuery.parse({ cursor, limit: '5' })).toEqual({ limit: 5, after: ['contoso labs', 'c-7'] });
  });

  it('refuses a cursor with offset, a malformed one, and one of another segment, tenant or list', () => {
    const cursor = encodePageCursor(segmentCustomersCursorScope('acme', 'A'), ['contoso labs', 'c-7']);
    expect(segmentQuery.errorsOf({ cursor, offset: '0' })).toEqual({ 'query:cursor': expect.stringContaining('cannot be combined with offset') });
    expect(segmentQuery.errorsOf({ cursor: 'x'.repeat(40) })).toEqual({ 'query:cursor': expect.stringContaining('is not a cursor this endpoint gave out') });
    expect(segmentQuery.errorsOf({ cursor: encodePageCursor(segmentCustomersCursorScope('acme', 'B'), ['a', 'b']) }))
      .toEqual({ 'query:cursor': expect.stringContaining('was made for other filters') });
    expect(segmentQuery.errorsOf({ cursor: encodePageCursor(segmentCustomersCursorScope('globex', 'A'), ['a', 'b']) }))
      .toEqual({ 'query:cursor': expect.stringContaining('was made for other filters') });
    expect(segmentQuery.errorsOf({ cursor: encodePageCursor(customerListCursorScope('acme', {}, {}), ['a', 'b']) }))
      .toEqual({ 'query:cursor': expect.stringContaining('was made for other filters') });
    expect(segmentQuery.errorsOf({ cursor: encodePageCursor(customerListCursorScope('acme', { segment: 'A' }, { by: 'registeredAt' }), ['a', 'b']) }))
      .toEqual({ 'query:cursor': expect.stringContaining('was made for the sort registeredAt asc, not name asc') });
  });
});
