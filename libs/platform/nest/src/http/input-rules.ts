import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/**
 * One rule for one request input (a path parameter, a header), written once as
 * the JSON Schema the OpenAPI document publishes. The server checks the value
 * with that same schema, compiled by ajv, so the document cannot allow what the
 * server refuses or the other way round. `message` is what a client reads in
 * the problem's field errors.
 *
 * Patterns spell their character classes out (`[0-9]`, `[!-~]`) instead of
 * `\d` or `\s`: those classes differ between JavaScript and the regex engines
 * other tools (client generators, fuzzers) read the document with.
 */
export type InputRule = Readonly<{ schema: SchemaObject; message: string }>;

// Not strict: the schemas carry OpenAPI annotations (`example`) that are not JSON Schema keywords.
const ajv = addFormats(new Ajv({ strict: false }), ['uuid', 'date', 'date-time']);
const compiled = new WeakMap<InputRule, ValidateFunction>();

export const satisfies = (rule: InputRule, value: unknown): boolean => {
  let check = compiled.get(rule);
  if (!check) {
    check = ajv.compile(rule.schema);
    compiled.set(rule, check);
  }
  return check(value);
};

export const uuidRule: InputRule = {
  schema: { type: 'string', format: 'uuid', pattern: '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$' },
  message: 'must be a UUID',
};

/** Ids from other contexts, clients, payment and identity providers: opaque, but bounded and printable. */
export const referenceRule: InputRule = {
  schema: { type: 'string', pattern: '^[!-~]{1,128}$' },
  message: 'must be 1-128 printable characters without spaces',
};

export const tenantIdRule: InputRule = {
  schema: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$' },
  message: 'must be 1-64 letters, digits, dot, dash or underscore, starting with a letter or digit',
};

/** Actor ids, idempotency keys and correlation ids: printable ASCII, bounded. */
export const printableTokenRule: InputRule = {
  schema: { type: 'string', pattern: '^[!-~]{1,255}$' },
  message: 'must be 1-255 printable ASCII characters',
};

/** A weak or strong ETag this API issued (`W/"3"`), or `*`. */
export const ifMatchRule: InputRule = {
  schema: { type: 'string', pattern: '^([*]|(W/)?"[0-9]{1,15}")$', example: 'W/"3"' },
  message: 'must be an ETag from this API, e.g. W/"3", or *',
};

/** A global position a command answered with. */
export const positionRule: InputRule = {
  schema: { type: 'string', pattern: '^[0-9]{1,15}$' },
  message: 'must be a non-negative integer (a position returned by a command)',
};

// Control characters, and what JavaScript's `trim()` removes as white space.
const controlCharacters = '\\u0000-\\u001f\\u007f';
const whiteSpace = '\\t\\n\\u000b\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';

/**
 * A single line of text up to `maxLength` characters (code points): not blank
 * and without control characters. Used where the text travels in a URL or a
 * query string.
 */
export const lineRule = (maxLength: number): InputRule => ({
  schema: {
    type: 'string',
    minLength: 1,
    maxLength,
    pattern: `^[^${controlCharacters}]*[^${controlCharacters}${whiteSpace}][^${controlCharacters}]*$`,
  },
  message: `must be 1-${maxLength} characters, not blank, without control characters`,
});

// Tab and line breaks are welcome in free text; other control characters are not.
const textControlCharacters = '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f';

/** Free text up to `maxLength` characters (code points): not blank; tabs and line breaks allowed, other control characters not. */
export const textRule = (maxLength: number): InputRule => ({
  schema: {
    type: 'string',
    minLength: 1,
    maxLength,
    pattern: `^[^${textControlCharacters}]*[^${controlCharacters}${whiteSpace}][^${textControlCharacters}]*$`,
  },
  message: `must be 1-${maxLength} characters, not blank, without control characters other than tab and line breaks`,
});

/** A real calendar day written YYYY-MM-DD (2026-02-30 is refused). */
export const calendarDateRule: InputRule = {
  schema: { type: 'string', format: 'date', example: '2026-12-15' },
  message: 'must be a real calendar date written YYYY-MM-DD',
};

/**
 * An RFC 3339 instant: date, time with seconds, and an offset (Z or ±hh:mm).
 * The pattern pins what `date-time` leaves to each validator (the offset's colon).
 */
export const instantRule: InputRule = {
  schema: {
    type: 'string',
    format: 'date-time',
    pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]+)?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$',
    example: '2026-03-01T09:30:00Z',
  },
  message: 'must be an RFC 3339 instant with seconds and an offset, e.g. 2026-03-01T09:30:00Z',
};
