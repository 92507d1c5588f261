import { encodePageCursor } from '@meridian/platform/nest';
import { queryParsing } from '@meridian/platform/nest/testing';
import { opportunityListCursorScope } from './list-opportunities.cursor';
import { parseListOpportunitiesQuery } from './list-opportunities.query';

const { parse, errorsOf, fieldsOf } = queryParsing(parseListOpportunitiesQuery);

describe('parseListOpportunitiesQuery', () => {
  it('reads no parameters as the tenant with no filter (the query applies the defaults)', () => {
    expect(parse({})).toEqual({ tenantId: 'acme' });
  });

  it('maps every parameter of a full query (minPosition is left to read-your-writes)', () => {
    expect(parse({
      ownerId: 'rep-ada', stage: 'negotiation', region: 'EMEA', closeDateFrom: '2026-01-01', closeDateTo: '2026-12-31',
      sortBy: 'amount', direction: 'desc', limit: '200', offset: '1000000', minPosition: '3',
    })).toEqual({
      tenantId: 'acme', ownerId: 'rep-ada', stage: 'negotiation', region: 'EMEA', closeDateFrom: '2026-01-01', closeDateTo: '2026-12-31',
      sortBy: 'amount', direction: 'desc', limit: 200, offset: 1_000_000,
    });
    expect(parse({ limit: '1', offset: '0', closeDateFrom: '2026-05-05', closeDateTo: '2026-05-05' }))
      .toMatchObject({ limit: 1, offset: 0, closeDateFrom: '2026-05-05', closeDateTo: '2026-05-05' });
  });

  it.each(['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'])('accepts the stage %p', (stage) => {
    expect(parse({ stage }).stage).toBe(stage);
  });

  it('refuses a stage not in the list, listing the stages', () => {
    expect(errorsOf({ stage: 'closed' })).toEqual({ 'query:stage': 'must be one of lead, qualified, proposal, negotiation, won, lost' });
    expect(fieldsOf({ stage: 'Won' })).toEqual(['query:stage']);
  });

  it('refuses an unknown sort field or direction', () => {
    expect(errorsOf({ sortBy: 'name', direction: 'up' })).toEqual({
      'query:sortBy': 'must be one of expectedCloseDate, amount, openedAt',
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

  it.each(['2026-13-01', '2026-00-10', '2026-01-32', '2026-02-29', '2026-04-31', '2026-1-1', '01/02/2026', '2026-01'])('refuses the close date %p', (date) => {
    expect(fieldsOf({ closeDateFrom: date })).toEqual(['query:closeDateFrom']);
    expect(fieldsOf({ closeDateTo: date })).toEqual(['query:closeDateTo']);
  });

  it('names only the malformed bound, not a range error caused by it', () => {
    expect(fieldsOf({ closeDateFrom: 'soon', closeDateTo: '2026-06-01' })).toEqual(['query:closeDateFrom']);
  });

  it('refuses a close-date range that ends before it starts, naming closeDateTo', () => {
    expect(errorsOf({ closeDateFrom: '2026-06-02', closeDateTo: '2026-06-01' })).toEqual({ 'query:closeDateTo': 'must not be before closeDateFrom' });
  });

  it('refuses an unknown parameter (a typo is not silently ignored) and a repeated one', () => {
    expect(errorsOf({ owner: 'rep-ada' })['query:owner']).toContain('is not a parameter of this endpoint (allowed: ownerId, stage,');
    expect(errorsOf({ stage: ['won', 'lost'] })).toEqual({ 'query:stage': 'is given more than once' });
  });

  it('refuses an empty or control-character filter value', () => {
    expect(fieldsOf({ ownerId: '', region: 'EM\u0000EA' })).toEqual(['query:ownerId', 'query:region']);
    expect(fieldsOf({ region: 'x'.repeat(201) })).toEqual(['query:region']);
    expect(parse({ region: 'x'.repeat(200) }).region).toHaveLength(200);
  });

  it('reports every problem at once', () => {
    expect(fieldsOf({ page: '2', stage: 'closed', limit: '0', offset: 'x', closeDateFrom: '2026-02-30x', direction: ['asc', 'desc'] })).toEqual([
      'query:closeDateFrom', 'query:direction', 'query:limit', 'query:offset', 'query:page', 'query:stage',
    ]);
  });

  it('reads the customer, name and archived filters', () => {
    expect(parse({ customerId: 'cus-1001', name: 'north WIND', archived: 'include' })).toEqual({
      tenantId: 'acme', customerId: 'cus-1001', name: 'north WIND', archived: 'include',
    });
    expect(parse({ archived: 'only' }).archived).toBe('only');
    expect(parse({ archived: 'exclude' }).archived).toBe('exclude');
  });

  it('refuses an archived value other than exclude, include or only (the customer list takes the same), and an empty or control-character name or customer id', () => {
    expect(errorsOf({ archived: 'yes' })).toEqual({ 'query:archived': 'must be one of exclude, include, only' });
    // The values this list took before the customer list's set became the one set: refused, not read as something else.
    for (const old of ['false', 'true', 'any']) expect(errorsOf({ archived: old })).toEqual({ 'query:archived': 'must be one of exclude, include, only' });
    expect(fieldsOf({ name: '', customerId: 'a\u0007b' })).toEqual(['query:customerId', 'query:name']);
    expect(fieldsOf({ includeArchived: 'true' })).toEqual(['query:includeArchived']);
  });

  describe('cursor', () => {
    const wonByAmount = encodePageCursor(opportunityListCursorScope({ tenantId: 'acme', stage: 'won', sortBy: 'amount', direction: 'desc' }), [950, 'opp-3']);

    it('reads a cursor as the keyset bound of the page after it, with the same sort and filters', () => {
      expect(parse({ stage: 'won', sortBy: 'amount', direction: 'desc', limit: '2', cursor: wonByAmount })).toEqual({
        tenantId: 'acme', stage: 'won', sortBy: 'amount', direction: 'desc', limit: 2, after: [950, 'opp-3'],
      });
      // archived=exclude is the default, named or not.
      expect(parse({ stage: 'won', sortBy: 'amount', direction: 'desc', archived: 'exclude', cursor: wonByAmount }).after).toEqual([950, 'opp-3']);
      const byDefault = encodePageCursor(opportunityListCursorScope({ tenantId: 'acme' }), ['2026-06-30', 'opp-1']);
      expect(parse({ cursor: byDefault, sortBy: 'expectedCloseDate', direction: 'asc' }).after).toEqual(['2026-06-30', 'opp-1']);
    });

    it('refuses a cursor with offset, and a malformed or altered one', () => {
      expect(errorsOf({ stage: 'won', sortBy: 'amount', direction: 'desc', cursor: wonByAmount, offset: '2' }))
        .toEqual({ 'query:cursor': expect.stringContaining('cannot be combined with offset') });
      expect(errorsOf({ cursor: 'e30' })).toEqual({ 'query:cursor': expect.stringContaining('is not a cursor this endpoint gave out') });
      expect(fieldsOf({ cursor: 'not/a+cursor' })).toEqual(['query:cursor']);
    });

    it('refuses a cursor made for another sort or other filters, naming which', () => {
      expect(errorsOf({ stage: 'won', sortBy: 'amount', cursor: wonByAmount })).toEqual({ 'query:cursor': expect.stringContaining('was made for the sort amount desc, not amount asc') });
      expect(errorsOf({ stage: 'lost', sortBy: 'amount', direction: 'desc', cursor: wonByAmount })).toEqual({ 'query:cursor': expect.stringContaining('was made for other filters') });
      expect(errorsOf({ stage: 'won', archived: 'include', sortBy: 'amount', direction: 'desc', cursor: wonByAmount })).toEqual({ 'query:cursor': expect.stringContaining('was made for other filters') });
    });
  });
});
