import type { FastifyRequest } from 'fastify';
import { RequestValidationFailed } from './problem-details';
import { parseCommandRequest } from './request-context';

const requestWith = (headers: Record<string, string>, body: unknown = { a: 1 }): FastifyRequest =>
  ({ headers, body, method: 'POST', url: '/api/v1/opportunities' }) as unknown as FastifyRequest;

const base = { 'x-tenant-id': 'acme', 'x-user-id': 'rep-ada' };

const fieldsOf = (headers: Record<string, string>): string[] => {
  try {
    parseCommandRequest(requestWith(headers));
  } catch (error) {
    if (error instanceof RequestValidationFailed) return error.errors.map((e) => e.field);
    throw error;
  }
  return [];
};

describe('parseCommandRequest', () => {
  it('stamps tenant, actor and a fresh command id as causation and correlation', () => {
    const { context, pinnedRevision } = parseCommandRequest(requestWith(base));
    expect(context).toMatchObject({ tenantId: 'acme', actorId: 'rep-ada' });
    expect(context.correlationId).toBe(context.causationId);
    expect(pinnedRevision).toBeUndefined();
  });

  it('keeps a supplied correlation id and a valid traceparent, and drops an invalid traceparent', () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    expect(parseCommandRequest(requestWith({ ...base, 'x-correlation-id': 'c-1', traceparent })).context)
      .toMatchObject({ correlationId: 'c-1', traceparent });
    expect(parseCommandRequest(requestWith({ ...base, traceparent: 'garbage' })).context.traceparent).toBeUndefined();
  });

  it('parses weak and strong If-Match ETags', () => {
    expect(parseCommandRequest(requestWith({ ...base, 'if-match': 'W/"7"' })).pinnedRevision).toBe(7);
    expect(parseCommandRequest(requestWith({ ...base, 'if-match': '"0"' })).pinnedRevision).toBe(0);
    expect(parseCommandRequest(requestWith({ ...base, 'if-match': '*' })).pinnedRevision).toBeUndefined();
  });

  it('names every bad header', () => {
    expect(fieldsOf({})).toEqual(['header:X-Tenant-Id', 'header:X-User-Id']);
    expect(fieldsOf({ ...base, 'x-tenant-id': 'bad tenant!' })).toEqual(['header:X-Tenant-Id']);
    expect(fieldsOf({ ...base, 'if-match': 'seven' })).toEqual(['header:If-Match']);
    expect(fieldsOf({ ...base, 'idempotency-key': 'has space' })).toEqual(['header:Idempotency-Key']);
  });

  it('derives the same command id and request hash for a retry, and another hash for another body', () => {
    const headers = { ...base, 'idempotency-key': 'k-1' };
    const first = parseCommandRequest(requestWith(headers, { b: 2, a: 1 })).context;
    const retry = parseCommandRequest(requestWith(headers, { a: 1, b: 2 })).context;
    const other = parseCommandRequest(requestWith(headers, { a: 1, b: 3 })).context;
    expect(retry.causationId).toBe(first.causationId);
    expect(retry.requestHash).toBe(first.requestHash);
    expect(other.requestHash).not.toBe(first.requestHash);
  });
});
