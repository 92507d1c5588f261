import type { FastifyRequest } from 'fastify';
import type { FieldError } from './problem-details';
import { RequestValidationFailed } from './problem-details';

const datePattern = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;
/** 2026-02-31 has the right shape but is no day. */
const isCalendarDate = (value: string): boolean => new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
// Printable text only: control characters in a filter value are a client bug, not a search term.
const textPattern = /^[^\p{Cc}]{1,200}$/u;

/**
 * Reads a query string strictly: unknown parameters (a typo such as
 * `owner=`) and repeated ones are errors, not silently ignored filters.
 * Collects every problem, then throws one 400 naming them all.
 */
export const queryReader = (request: FastifyRequest, allowed: readonly string[]) => {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const errors: FieldError[] = [];
  const fail = (name: string, message: string) => errors.push({ field: `query:${name}`, messages: [message] });
  for (const name of Object.keys(query)) {
    if (!allowed.includes(name)) fail(name, `is not a parameter of this endpoint (allowed: ${allowed.join(', ')})`);
    else if (Array.isArray(query[name])) fail(name, 'is given more than once');
  }
  const raw = (name: string): string | undefined => (typeof query[name] === 'string' ? (query[name] as string) : undefined);
  /** `undefined` for a bad value too (after noting it), so later checks only see valid ones. */
  const matching = (name: string, pattern: RegExp, message: string, valid: (value: string) => boolean = () => true): string | undefined => {
    const value = raw(name);
    if (value === undefined) return undefined;
    if (pattern.test(value) && valid(value)) return value;
    fail(name, message);
    return undefined;
  };
  return {
    text: (name: string) => matching(name, textPattern, 'must be 1-200 characters without control characters'),
    date: (name: string) => matching(name, datePattern, 'must be a date YYYY-MM-DD', isCalendarDate),
    month: (name: string) => matching(name, monthPattern, 'must be a month YYYY-MM'),
    oneOf: <T extends string>(name: string, values: readonly T[]): T | undefined => {
      const value = raw(name);
      if (value === undefined) return undefined;
      if ((values as readonly string[]).includes(value)) return value as T;
      fail(name, `must be one of ${values.join(', ')}`);
      return undefined;
    },
    integer: (name: string, min: number, max: number): number | undefined => {
      const value = raw(name);
      if (value === undefined) return undefined;
      const parsed = Number(value);
      if (/^\d+$/.test(value) && parsed >= min && parsed <= max) return parsed;
      fail(name, `must be an integer from ${min} to ${max}`);
      return undefined;
    },
    fail,
    /** Throws the collected errors, if any. */
    done: () => {
      if (errors.length > 0) throw new RequestValidationFailed(errors);
    },
  };
};

export type QueryReader = ReturnType<typeof queryReader>;
