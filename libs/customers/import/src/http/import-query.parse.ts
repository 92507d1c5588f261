import type { FastifyRequest } from 'fastify';
import type { FieldError } from '@meridian/platform/nest';
import { RequestValidationFailed } from '@meridian/platform/nest';
import { isCountryCallingCode } from '@meridian/customers/domain';
import type { ImportRowOutcome } from '../job/customer-import.report';
import { importRowOutcomes } from '../job/customer-import.report';

export type StartImportQuery = Readonly<{ fileName?: string; defaultCountryCode?: string }>;
export type ReportPageQuery = Readonly<{ fromRow: number; limit: number; outcome?: ImportRowOutcome }>;

/** Rows per page unless asked otherwise, and at most (a 10,000-row file fits one page). */
export const defaultReportPageSize = 1_000;
export const maxReportPageSize = 10_000;

/** Reads query parameters, collecting every problem into one 400; unknown parameters are problems too. */
const queryReader = (request: FastifyRequest, allowed: readonly string[]) => {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const errors: FieldError[] = [];
  const fail = (name: string, message: string) => errors.push({ field: `query:${name}`, messages: [message] });
  for (const name of Object.keys(query)) if (!allowed.includes(name)) fail(name, 'is not a known parameter');
  const text = (name: string): string | undefined => {
    const value = query[name];
    if (value === undefined) return undefined;
    if (typeof value === 'string') return value;
    fail(name, 'must be given once');
    return undefined;
  };
  const integer = (name: string, min: number, max: number): number | undefined => {
    const value = text(name);
    if (value === undefined) return undefined;
    if (/^\d{1,9}$/.test(value) && Number(value) >= min && Number(value) <= max) return Number(value);
    fail(name, `must be a whole number from ${min} to ${max}`);
    return undefined;
  };
  const done = () => {
    if (errors.length > 0) throw new RequestValidationFailed(errors);
  };
  return { text, integer, fail, done };
};

export const parseStartImportQuery = (request: FastifyRequest): StartImportQuery => {
  const read = queryReader(request, ['fileName', 'defaultCountryCode']);
  const fileName = read.text('fileName')?.trim();
  if (fileName !== undefined && (fileName === '' || fileName.length > 255)) read.fail('fileName', 'must be 1-255 characters');
  const defaultCountryCode = read.text('defaultCountryCode')?.trim();
  if (defaultCountryCode !== undefined && !isCountryCallingCode(defaultCountryCode)) {
    read.fail('defaultCountryCode', 'must be + and 1-3 digits, e.g. +49 (write + as %2B in a URL)');
  }
  read.done();
  return { ...(fileName ? { fileName } : {}), ...(defaultCountryCode ? { defaultCountryCode } : {}) };
};

export const parseReportPageQuery = (request: FastifyRequest): ReportPageQuery => {
  const read = queryReader(request, ['fromRow', 'limit', 'outcome']);
  const fromRow = read.integer('fromRow', 1, 100_000_000) ?? 1;
  const limit = read.integer('limit', 1, maxReportPageSize) ?? defaultReportPageSize;
  const outcomeText = read.text('outcome');
  const outcome = importRowOutcomes.find((candidate) => candidate === outcomeText);
  if (outcomeText !== undefined && outcome === undefined) read.fail('outcome', `must be one of ${importRowOutcomes.join(', ')}`);
  read.done();
  return { fromRow, limit, ...(outcome ? { outcome } : {}) };
};
