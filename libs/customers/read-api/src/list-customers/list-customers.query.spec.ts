import { encodePageCursor } from '@meridian/platform/nest';
import { queryParsing } from '@meridian/platform/nest/testing';
import { customerListCursorScope } from './customer-list.cursor';
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
    const nothingToSearch = { 'query:search': 'must be 1-200 characters without control characters, with a letter, a digit, an email or a phone in it' };
    for (const search of [' -- ', '', '§ ¶', '!!!']) expect(errorsOf({ search })).toEqual(nothingToSearch);
    // Letters and digits of any script count, as the folding keeps them; so does an email's @.
    for (const search of ['Ærø', '東京', '42', '@acme', '+49 30']) expect(parse({ search }).filters.search).toBe(search);
  });

  it('refuses empty, control-character and overlong filter values', () => {
    expect(fieldsOf({ tag: '', region: 'em\u0000ea', group: 'x'.repeat(201) })).toEqual(['query:group', 'query:region', 'query:tag']);
  });

  it('refuses an unknown parameter, listing the allowed ones, and a repeated one', () => {
    expect(errorsOf({ owner: 'rep-ana' })['query:owner']).toContain('allowed: tag, group, region, industry, intent, ownerId, segment, search');
    expect(errorsOf({ tag: ['vip', 'key'] })).toEqual({ 'query:tag': 'is given more than once' });
  });

  describe('cursor', () => {
    const key = ['contoso labs', 'c-7'];
    const cursorFor = (filters: Parameters<typeof customerListCursorScope>[1], sort: Parameters<typeof customerListCursorScope>[2] = {}, tenantId = 'acme') =>
      encodePageCursor(customerListCursorScope(tenantId, filters, sort), key);

    it('reads a cursor made for the same sort and filters as the page after its key; the limit may change', () => {
      const cursor = cursorFor({ region: 'emea', archived: 'include' }, { by: 'registeredAt', direction: 'desc' });
      expect(parse({ region: 'emea', archived: 'include', sortBy: 'registeredAt', direction: 'desc', limit: '7', cursor })).toEqual({
        tenantId: 'acme', filters: { region: 'emea', archived: 'include' }, sort: { by: 'registeredAt', direction: 'desc' }, page: { limit: 7, after: key },
      });
    });

    it('takes filters that select the same rows alike: defaults named or not, a search cased or spaced otherwise', () => {
      expect(parse({ cursor: cursorFor({}), archived: 'exclude', includeMerged: 'false', sortBy: 'name', direction: 'asc' }).page).toEqual({ after: key });
      expect(parse({ cursor: cursorFor({ search: 'Acme' }), search: ' acme ' }).page).toEqual({ after: key });
    });

    it('refuses a cursor with offset, even offset=0', () => {
      expect(errorsOf({ cursor: cursorFor({}), offset: '0' })).toEqual({ 'query:cursor': expect.stringContaining('cannot be combined with offset') });
    });

    it.each([
      ['another sort field', {}, { by: 'registeredAt' }, {}, 'was made for the sort registeredAt asc, not name asc'],
      ['another direction', {}, { direction: 'desc' }, {}, 'was made for the sort name desc, not name asc'],
      ['a filter added', {}, {}, { tag: 'vip' }, 'was made for other filters'],
      ['a filter dropped', { region: 'emea' }, {}, {}, 'was made for other filters'],
      ['another filter value', { segment: 'A' }, {}, { segment: 'B' }, 'was made for other filters'],
      ['archived included', {}, {}, { archived: 'include' }, 'was made for other filters'],
      ['merged included', {}, {}, { includeMerged: 'true' }, 'was made for other filters'],
      ['another search', { search: 'acme' }, {}, { search: 'acmf' }, 'was made for other filters'],
    ] as const)('refuses a cursor made for %s', (_what, madeFilters, madeSort, query, message) => {
      expect(errorsOf({ ...query, cursor: cursorFor(madeFilters, madeSort) })).toEqual({ 'query:cursor': expect.stringContaining(message) });
    });

    it("refuses another tenant's cursor, a truncated or altered one, and a repeated one", () => {
      const cursor = cursorFor({});
      expect(errorsOf({ cursor: cursorFor({}, {}, 'globex') })).toEqual({ 'query:cursor': expect.stringContaining('was made for other filters') });
      expect(errorsOf({ cursor: cursor.slice(0, -3) })).toEqual({ 'query:cursor': expect.stringContaining('is not a cursor this endpoint gave out') });
      expect(errorsOf({ cursor: `${cursor}.` })).toEqual({ 'query:cursor': expect.stringContaining('is not a cursor this endpoint gave out') });
      expect(errorsOf({ cursor: [cursor, cursor] })).toEqual({ 'query:cursor': 'is given more than once' });
    });

    it('refuses a cursor whose key does not fit the sort (a number where the name goes)', () => {
      expect(errorsOf({ cursor: encodePageCursor(customerListCursorScope('acme', {}, {}), [3, 'c-7']) })).toEqual({
        'query:cursor': expect.stringContaining('is not a cursor this endpoint gave out'),
      });
    });
  });

  it('reports every problem at once', () => {
    expect(fieldsOf({ page: '2', segment: 'Z', limit: 'ten', search: '!!', includeMerged: ['true', 'false'] })).toEqual([
      'query:includeMerged', 'query:limit', 'query:page', 'query:search', 'query:segment',
    ]);
  });
});
