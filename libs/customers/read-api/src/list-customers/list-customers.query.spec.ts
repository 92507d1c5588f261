import { queryParsing } from '@meridian/platform/nest/testing';
import { parseListCustomersQuery } from './list-customers.query';

const { parse, errorsOf, fieldsOf } = queryParsing(parseListCustomersQuery);

describe('parseListCustomersQuery', () => {
  it('reads no parameters as the tenant with no filter, default sort and page', () => {
    expect(parse({})).toEqual({ tenantId: 'acme', filters: {}, sort: {}, page: {} });
  });

  it('maps every parameter of a full query (minPosition is left to read-your-writes)', () => {
    expect(parse({
      tag: 'VIP', group: 'key-accounts', region: 'emea', industry: 'software', intent: 'hot', ownerId: 'rep-ana', segment: 'C',
      search: 'acme', includeMerged: 'true', sortBy: 'registeredAt', direction: 'desc', limit: '200', offset: '1000000', minPosition: '7',
    })).toEqual({
      tenantId: 'acme',
      filters: { tag: 'VIP', group: 'key-accounts', region: 'emea', industry: 'software', intent: 'hot', ownerId: 'rep-ana', segment: 'C', search: 'acme', includeMerged: true },
      sort: { by: 'registeredAt', direction: 'desc' },
      page: { limit: 200, offset: 1_000_000 },
    });
  });

  it('reads the archived filter, and refuses a value outside exclude, include, only', () => {
    expect(parse({ archived: 'only' }).filters).toEqual({ archived: 'only' });
    expect(parse({ archived: 'include', includeMerged: 'true' }).filters).toEqual({ archived: 'include', includeMerged: true });
    expect(parse({ archived: 'exclude' }).filters).toEqual({ archived: 'exclude' });
    expect(errorsOf({ archived: 'true' })).toEqual({ 'query:archived': 'must be one of exclude, include, only' });
  });

  it('reads includeMerged=false as an explicit false, and a phone or an email as a search', () => {
    expect(parse({ includeMerged: 'false' }).filters).toEqual({ includeMerged: false });
    expect(parse({ search: '+1 (555) 010' }).filters).toEqual({ search: '+1 (555) 010' });
    expect(parse({ search: 'ann@acme.com' }).filters).toEqual({ search: 'ann@acme.com' });
  });

  it.each([
    ['intent', 'lukewarm', 'must be one of hot, warm, cold'],
    ['segment', 'F', 'must be one of A, B, C, D, E'],
    ['segment', 'a', 'must be one of A, B, C, D, E'],
    ['includeMerged', 'yes', 'must be one of true, false'],
    ['sortBy', 'segment', 'must be one of name, registeredAt'],
    ['direction', 'up', 'must be one of asc, desc'],
    ['limit', '201', 'must be an integer from 1 to 200'],
    ['limit', '0', 'must be an integer from 1 to 200'],
    ['offset', '-1', 'must be an integer from 0 to 1000000'],
  ])('refuses %s=%p', (name, value, message) => {
    expect(errorsOf({ [name]: value })).toEqual({ [`query:${name}`]: message });
  });

  it('refuses a search with nothing searchable, rather than listing everyone', () => {
    expect(errorsOf({ search: ' -- ' })).toEqual({ 'query:search': 'must contain a letter, a digit, an email or a phone' });
    expect(fieldsOf({ search: '' })).toEqual(['query:search']);
  });

  it('refuses empty, control-character and overlong filter values', () => {
    expect(fieldsOf({ tag: '', region: 'em\u0000ea', group: 'x'.repeat(201) })).toEqual(['query:group', 'query:region', 'query:tag']);
  });

  it('refuses an unknown parameter, listing the allowed ones, and a repeated one', () => {
    expect(errorsOf({ owner: 'rep-ana' })['query:owner']).toContain('allowed: tag, group, region, industry, intent, ownerId, segment, search');
    expect(errorsOf({ tag: ['vip', 'key'] })).toEqual({ 'query:tag': 'is given more than once' });
  });

  it('reports every problem at once', () => {
    expect(fieldsOf({ page: '2', segment: 'Z', limit: 'ten', search: '!!', includeMerged: ['true', 'false'] })).toEqual([
      'query:includeMerged', 'query:limit', 'query:page', 'query:search', 'query:segment',
    ]);
  });
});
