import { encodePageCursor } from '@meridian/platform/nest';
import { queryParsing } from '@meridian/platform/nest/testing';
import { orderStatuses } from '@meridian/orders/domain';
import { orderListCursorScope } from './list-orders.cursor';
import { parseListOrdersQuery } from './list-orders.query';

const { parse, errorsOf, fieldsOf } = queryParsing(parseListOrdersQuery);

describe('parseListOrdersQuery', () => {
  it('reads no parameters as the tenant with no filter (the query applies the defaults)', () => {
    expect(parse({})).toEqual({ tenantId: 'acme' });
  });

  it('maps every parameter of a full query (minPosition is left to read-your-writes)', () => {
    expect(parse({
      customerId: 'cus-1001', status: 'confirmed', opportunityId: 'opp-7', placedFrom: '2026-01-01', placedTo: '2026-12-31',
      sortBy: 'total', direction: 'asc', limit: '200', offset: '1000000', minPosition: '3',
    })).toEqual({
      tenantId: 'acme', customerId: 'cus-1001', status: 'confirmed', opportunityId: 'opp-7', placedFrom: '2026-01-01', placedTo: '2026-12-31',
      sortBy: 'total', direction: 'asc', limit: 200, offset: 1_000_000,
    });
    expect(parse({ limit: '1', offset: '0', placedFrom: '2026-05-05', placedTo: '2026-05-05', sortBy: 'placedAt', direction: 'desc' }))
      .toMatchObject({ limit: 1, offset: 0, placedFrom: '2026-05-05', placedTo: '2026-05-05', sortBy: 'placedAt', direction: 'desc' });
  });

  it.each([...orderStatuses])('accepts the order status %p (exactly the aggregate\'s)', (status) => {
    expect(parse({ status }).status).toBe(status);
  });

  it('refuses a status not in the list, listing the statuses', () => {
    expect(errorsOf({ status: 'paid' })).toEqual({ 'query:status': `must be one of ${orderStatuses.join(', ')}` });
    expect(fieldsOf({ status: 'Confirmed' })).toEqual(['query:status']);
  });

  it('refuses an unknown sort field or direction', () => {
    expect(errorsOf({ sortBy: 'customerId', direction: 'up' })).toEqual({
      'query:sortBy': 'must be one of placedAt, total',
      'query:direction': 'must be one of asc, desc',
    });
  });

  it.each(['0', '201', '-1', '1.5', 'ten', '1e2', ''])('refuses the limit %p', (limit) => {
    expect(errorsOf({ limit })).toEqual({ 'query:limit': 'must be an integer from 1 to 200' });
  });

  it('refuses an offset out of range', () => {
    expect(errorsOf({ offset: '1000001' })).toEqual({ 'query:offset': 'must be an integer from 0 to 1000000' });
    expect(fieldsOf({ offset: '-5' })).toEqual(['query:offset']);
  });

  it.each(['2026-13-01', '2026-00-10', '2026-01-32', '2026-02-29', '2026-04-31', '2026-1-1', '01/02/2026', '2026-01', '2026-01-01T00:00:00Z'])('refuses the placed date %p', (date) => {
    expect(fieldsOf({ placedFrom: date })).toEqual(['query:placedFrom']);
    expect(fieldsOf({ placedTo: date })).toEqual(['query:placedTo']);
  });

  it('names only the malformed bound, not a range error caused by it', () => {
    expect(fieldsOf({ placedFrom: 'soon', placedTo: '2026-06-01' })).toEqual(['query:placedFrom']);
  });

  it('refuses a placed range that ends before it starts, naming placedTo', () => {
    expect(errorsOf({ placedFrom: '2026-06-02', placedTo: '2026-06-01' })).toEqual({ 'query:placedTo': 'must not be before placedFrom' });
  });

  it('refuses an unknown parameter (a typo is not silently ignored) and a repeated one', () => {
    expect(errorsOf({ customer: 'cus-1' })['query:customer']).toContain('is not a parameter of this endpoint (allowed: customerId, status,');
    expect(errorsOf({ status: ['placed', 'confirmed'] })).toEqual({ 'query:status': 'is given more than once' });
  });

  it('refuses an empty or control-character filter value', () => {
    expect(fieldsOf({ customerId: '', opportunityId: 'opp\u0000-7' })).toEqual(['query:customerId', 'query:opportunityId']);
    expect(fieldsOf({ customerId: 'x'.repeat(201) })).toEqual(['query:customerId']);
    expect(parse({ customerId: 'x'.repeat(200) }).customerId).toHaveLength(200);
  });

  it('reports every problem at once', () => {
    expect(fieldsOf({ page: '2', status: 'paid', limit: '0', offset: 'x', placedFrom: '2026-02-30', direction: ['asc', 'desc'] })).toEqual([
      'query:direction', 'query:limit', 'query:offset', 'query:page', 'query:placedFrom', 'query:status',
    ]);
  });

  describe('cursor', () => {
    const cursorFor = (query: Parameters<typeof orderListCursorScope>[0], key: readonly (string | number)[]) => encodePageCursor(orderListCursorScope(query), key);
    const newest = cursorFor({ tenantId: 'acme', status: 'confirmed' }, ['2026-05-05T10:00:00.000Z', 'o-9']);

    it('reads a cursor as the keyset bound of the page after it, with the same sort and filters', () => {
      expect(parse({ status: 'confirmed', cursor: newest, limit: '5' })).toEqual({ tenantId: 'acme', status: 'confirmed', limit: 5, after: ['2026-05-05T10:00:00.000Z', 'o-9'] });
      // The defaults are the sort it was made for, named or not.
      expect(parse({ status: 'confirmed', sortBy: 'placedAt', direction: 'desc', cursor: newest }).after).toEqual(['2026-05-05T10:00:00.000Z', 'o-9']);
      const byTotal = cursorFor({ tenantId: 'acme', sortBy: 'total', direction: 'asc' }, [120.5, 'o-3']);
      expect(parse({ sortBy: 'total', direction: 'asc', cursor: byTotal }).after).toEqual([120.5, 'o-3']);
    });

    it('refuses a cursor with offset', () => {
      expect(errorsOf({ status: 'confirmed', cursor: newest, offset: '0' })).toEqual({ 'query:cursor': expect.stringContaining('cannot be combined with offset') });
    });

    it('refuses a malformed or altered cursor', () => {
      expect(errorsOf({ cursor: 'bm90LWEtY3Vyc29y' })).toEqual({ 'query:cursor': expect.stringContaining('is not a cursor this endpoint gave out') });
      expect(errorsOf({ cursor: 'a+b/c=' })).toEqual({ 'query:cursor': expect.stringContaining('is not a cursor this endpoint gave out') });
      expect(errorsOf({ status: 'confirmed', cursor: `${newest.slice(0, -2)}xy` })).toEqual({ 'query:cursor': expect.stringContaining('is not a cursor') });
    });

    it('refuses a cursor made for another sort or other filters, naming which', () => {
      expect(errorsOf({ status: 'confirmed', direction: 'asc', cursor: newest })).toEqual({ 'query:cursor': expect.stringContaining('was made for the sort placedAt desc, not placedAt asc') });
      expect(errorsOf({ status: 'confirmed', sortBy: 'total', cursor: newest })).toEqual({ 'query:cursor': expect.stringContaining('not total desc') });
      expect(errorsOf({ status: 'cancelled', cursor: newest })).toEqual({ 'query:cursor': expect.stringContaining('was made for other filters') });
      expect(errorsOf({ cursor: newest })).toEqual({ 'query:cursor': expect.stringContaining('was made for other filters') });
      expect(queryParsing((request) => parseListOrdersQuery(request, 'globex')).errorsOf({ status: 'confirmed', cursor: newest }))
        .toEqual({ 'query:cursor': expect.stringContaining('was made for other filters') });
    });
  });
});
