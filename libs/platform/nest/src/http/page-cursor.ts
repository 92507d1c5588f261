import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import type { FastifyRequest } from 'fastify';
import type { QueryParameter } from './query-parameters';

/** The sort values of the last row of a page, one per sort field (the store's keyset bound). */
export type CursorKey = readonly (string | number)[];

/**
 * What a cursor is valid for: the sort as the client named it (defaults
 * applied), the type of each value of the key, and the filter parameters
 * (undefined ones are dropped and key order does not matter, so equal filters
 * hash alike). The limit may change from page to page; the rest may not.
 */
export type PageCursorScope = Readonly<{
  sort: Readonly<{ by: string; direction: 'asc' | 'desc' }>;
  keyTypes: readonly ('string' | 'number')[];
  filter: Readonly<Record<string, unknown>>;
}>;

export type DecodedPageCursor = Readonly<{ key: CursorKey }> | Readonly<{ problem: string }>;

/** Longer than any cursor this API gives out (keys are sort values of at most a few hundred characters). */
export const maxCursorLength = 2_048;
const cursorPattern = /^[A-Za-z0-9_-]+$/;

type Payload = Readonly<{ v: 1; by: string; dir: 'asc' | 'desc'; f: string; k: CursorKey; c: string }>;

const digest = (text: string, length: number): string => createHash('sha256').update(text).digest('base64url').slice(0, length);

/** The hash of the normalised filter a cursor carries. */
export const filterHashOf = (filter: PageCursorScope['filter']): string => digest(canonicalJson(filter), 22);

/**
 * A check over the rest of the cursor: an edited or truncated cursor is
 * refused instead of answering some other page. It is no signature (the
 * cursor hides nothing a client could not ask for with filters anyway).
 */
const checkOf = (payload: Omit<Payload, 'c'>): string => digest(`meridian-page-cursor:${canonicalJson(payload)}`, 16);

const sortText = (sort: PageCursorScope['sort']): string => `${sort.by} ${sort.direction}`;

/** An opaque, URL-safe cursor (base64url of JSON) for the page after the row whose sort values are `key`. */
export const encodePageCursor = (scope: PageCursorScope, key: CursorKey): string => {
  const payload = { v: 1 as const, by: scope.sort.by, dir: scope.sort.direction, f: filterHashOf(scope.filter), k: [...key] };
  return Buffer.from(JSON.stringify({ ...payload, c: checkOf(payload) }), 'utf8').toString('base64url');
};

/** The cursor for the next page: null when there is none. */
export const nextPageCursor = (scope: PageCursorScope, key: CursorKey | null): string | null => (key === null ? null : encodePageCursor(scope, key));

const notOurs = 'is not a cursor this endpoint gave out (malformed or altered): pass nextCursor of a page as it came';

const payloadOf = (text: string): Payload | undefined => {
  if (!cursorPattern.test(text)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const { v, by, dir, f, k, c, ...rest } = parsed as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || v !== 1 || typeof by !== 'string' || (dir !== 'asc' && dir !== 'desc') || typeof f !== 'string' || typeof c !== 'string') return undefined;
  if (!Array.isArray(k) || !k.every((value) => typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)))) return undefined;
  const payload = { v: 1 as const, by, dir: dir as 'asc' | 'desc', f, k: k as CursorKey };
  return checkOf(payload) === c ? { ...payload, c } : undefined;
};

/** Reads a cursor for `scope`: its key, or the problem with it (worded for `query:cursor`). */
export const decodePageCursor = (text: string, scope: PageCursorScope): DecodedPageCursor => {
  if (text.length > maxCursorLength) return { problem: `is longer than ${maxCursorLength} characters: not a cursor this endpoint gave out` };
  const payload = payloadOf(text);
  if (payload === undefined) return { problem: notOurs };
  const made = { by: payload.by, direction: payload.dir };
  if (made.by !== scope.sort.by || made.direction !== scope.sort.direction) {
    return { problem: `was made for the sort ${sortText(made)}, not ${sortText(scope.sort)}: keep the sort while paging, or start again without cursor` };
  }
  if (payload.f !== filterHashOf(scope.filter)) {
    return { problem: 'was made for other filters than this request has: keep the filters while paging, or start again without cursor' };
  }
  if (payload.k.length !== scope.keyTypes.length || payload.k.some((value, index) => typeof value !== scope.keyTypes[index])) return { problem: notOurs };
  return { key: payload.k };
};

/**
 * The request's `cursor` parameter for `scope`, noting any problem on the
 * reader as `query:cursor` (the reader's `done()` throws them with the rest):
 * undefined when absent or refused. A cursor with `offset` is refused: each
 * says where the page starts. Declare `cursor: cursorParameter()` among the
 * endpoint's query parameters (the reader then allows it and refuses a
 * repeated one) and read it here rather than with the reader's `value`.
 */
export const readPageCursor = (request: FastifyRequest, read: Readonly<{ fail: (name: string, message: string) => void }>, scope: PageCursorScope): CursorKey | undefined => {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const text = query.cursor;
  if (typeof text !== 'string') return undefined;
  if (query.offset !== undefined) {
    read.fail('cursor', 'cannot be combined with offset (each says where the page starts): page with cursor alone');
    return undefined;
  }
  const decoded = decodePageCursor(text, scope);
  if ('problem' in decoded) {
    read.fail('cursor', decoded.problem);
    return undefined;
  }
  return decoded.key;
};

/** For the OpenAPI description of a list's `cursor` parameter. */
export const cursorParameterDescription =
  'Opaque: nextCursor of the previous page, to page by keyset (no row skipped or repeated when rows are added meanwhile). ' +
  'Not with offset; keep the sort and filters it was made for (else 400 query:cursor). limit may change.';


/** The `cursor` query parameter as the document states it (see `readPageCursor` for reading it). */
export const cursorParameter = (description: string = cursorParameterDescription): QueryParameter<string> => ({
  schema: { type: 'string', minLength: 1, maxLength: maxCursorLength, pattern: cursorPattern.source },
  message: notOurs,
  description,
  read: (text) => (text.length <= maxCursorLength && cursorPattern.test(text) ? text : undefined),
});

/** For the OpenAPI description of a page's `nextCursor`. */
export const nextCursorDescription = 'Pass as cursor for the next page (same sort and filters); null on the last page';
