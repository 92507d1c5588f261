import type { FastifyRequest } from 'fastify';
import { RequestValidationFailed } from './problem-details';
import type { PageCursorScope } from './page-cursor';
import { cursorParameter, decodePageCursor, encodePageCursor, filterHashOf, maxCursorLength, nextPageCursor, readPageCursor } from './page-cursor';
import { integerParameter, queryParameters } from './query-parameters';

const scope: PageCursorScope = {
  sort: { by: 'placedAt', direction: 'desc' },
  keyTypes: ['string', 'string'],
  filter: { tenantId: 'acme', status: 'paid', customerId: undefined },
};
const key = ['2026-05-05T10:00:00.000Z', 'a5f0c2de-0000-4000-8000-000000000001'] as const;

const decodedJson = (cursor: string): Record<string, unknown> => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
const reencoded = (json: unknown): string => Buffer.from(JSON.stringify(json), 'utf8').toString('base64url');

describe('page cursor', () => {
  it('round-trips the key, URL-safe, for the same sort and filter (filter key order and undefined members do not matter)', () => {
    const cursor = encodePageCursor(scope, key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePageCursor(cursor, scope)).toEqual({ key: [...key] });
    expect(decodePageCursor(cursor, { ...scope, filter: { status: 'paid', tenantId: 'acme' } })).toEqual({ key: [...key] });
    const numeric = encodePageCursor({ ...scope, sort: { by: 'total', direction: 'asc' }, keyTypes: ['number', 'string'] }, [1250.5, 'b']);
    expect(decodePageCursor(numeric, { ...scope, sort: { by: 'total', direction: 'asc' }, keyTypes: ['number', 'string'] })).toEqual({ key: [1250.5, 'b'] });
  });

  it('carries the sort, the filter hash and the key as JSON', () => {
    expect(decodedJson(encodePageCursor(scope, key))).toMatchObject({ v: 1, by: 'placedAt', dir: 'desc', f: filterHashOf(scope.filter), k: [...key] });
    expect(filterHashOf({ a: 1, b: 'x' })).toBe(filterHashOf({ b: 'x', a: 1, c: undefined }));
    expect(filterHashOf({ a: 1 })).not.toBe(filterHashOf({ a: '1' }));
  });

  it('is null for the next page of the last page', () => {
    expect(nextPageCursor(scope, null)).toBeNull();
    expect(nextPageCursor(scope, key)).toBe(encodePageCursor(scope, key));
  });

  it('refuses a cursor made for another sort, naming both', () => {
    const cursor = encodePageCursor(scope, key);
    expect(decodePageCursor(cursor, { ...scope, sort: { by: 'placedAt', direction: 'asc' } })).toEqual({
      problem: 'was made for the sort placedAt desc, not placedAt asc: keep the sort while paging, or start again without cursor',
    });
    expect(decodePageCursor(cursor, { ...scope, sort: { by: 'total', direction: 'desc' } })).toMatchObject({ problem: expect.stringContaining('not total desc') });
  });

  it('refuses a cursor made for other filters', () => {
    const cursor = encodePageCursor(scope, key);
    for (const filter of [{ tenantId: 'acme' }, { tenantId: 'acme', status: 'refunded' }, { tenantId: 'globex', status: 'paid' }, { tenantId: 'acme', status: 'paid', customerId: 'c-1' }]) {
      expect(decodePageCursor(cursor, { ...scope, filter })).toEqual({ problem: expect.stringContaining('was made for other filters') });
    }
  });

  it('refuses a tampered, truncated or foreign cursor', () => {
    const cursor = encodePageCursor(scope, key);
    const json = decodedJson(cursor);
    const tampered = [
      reencoded({ ...json, k: ['2020-01-01T00:00:00.000Z', key[1]] }),
      reencoded({ ...json, by: 'total' }),
      reencoded({ ...json, c: undefined }),
      reencoded({ ...json, extra: 1 }),
      cursor.slice(0, -3),
      `${cursor}A`,
      `${cursor}==`,
      cursor.replace(/./, (c) => (c === 'e' ? 'f' : 'e')),
      '',
      'not a cursor',
      reencoded([1, 2]),
      reencoded('x'),
      Buffer.from('{"v":1', 'utf8').toString('base64url'),
    ];
    for (const text of tampered) expect(decodePageCursor(text, scope)).toEqual({ problem: expect.stringContaining('is not a cursor this endpoint gave out') });
    expect(decodePageCursor('A'.repeat(maxCursorLength + 1), scope)).toEqual({ problem: expect.stringContaining(`longer than ${maxCursorLength}`) });
  });

  it('refuses a well-formed cursor whose key does not fit the sort', () => {
    const cursor = encodePageCursor(scope, [1, 'a']);
    expect(decodePageCursor(cursor, scope)).toEqual({ problem: expect.stringContaining('is not a cursor this endpoint gave out') });
    expect(decodePageCursor(encodePageCursor(scope, ['a']), scope)).toEqual({ problem: expect.stringContaining('is not a cursor') });
  });

  describe('readPageCursor', () => {
    const read = (query: Record<string, unknown>) => {
      const request = { query } as unknown as FastifyRequest;
      const reader = queryParameters({ cursor: cursorParameter(), offset: integerParameter(0, 10), limit: integerParameter(1, 10) }).reader(request);
      const found = readPageCursor(request, reader, scope);
      try {
        reader.done();
      } catch (error) {
        if (error instanceof RequestValidationFailed) return Object.fromEntries(error.errors.map((e) => [e.field, e.messages.join('; ')]));
        throw error;
      }
      return found;
    };

    it('reads no cursor as undefined and a good one as its key', () => {
      expect(read({})).toBeUndefined();
      expect(read({ cursor: encodePageCursor(scope, key), limit: '5' })).toEqual([...key]);
    });

    it('refuses a cursor with offset, and a bad one, as query:cursor', () => {
      expect(read({ cursor: encodePageCursor(scope, key), offset: '0' })).toEqual({ 'query:cursor': expect.stringContaining('cannot be combined with offset') });
      expect(read({ cursor: 'nope' })).toEqual({ 'query:cursor': expect.stringContaining('is not a cursor') });
      expect(read({ cursor: ['a', 'b'] })).toEqual({ 'query:cursor': 'is given more than once' });
    });

    it('states the parameter as URL-safe text of bounded length', () => {
      expect(cursorParameter().schema).toEqual({ type: 'string', minLength: 1, maxLength: maxCursorLength, pattern: '^[A-Za-z0-9_-]+$' });
      expect(cursorParameter().read(encodePageCursor(scope, key))).toBe(encodePageCursor(scope, key));
      expect(cursorParameter().read('a+b')).toBeUndefined();
    });
  });
});
