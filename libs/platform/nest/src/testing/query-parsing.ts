import type { FastifyRequest } from 'fastify';
import { RequestValidationFailed } from '../http/problem-details';

type Query = Record<string, unknown>;

/** Drives a query-string parser as a request would, and reads its 400 as field → message. */
export const queryParsing = <T>(parser: (request: FastifyRequest, tenantId: string) => T) => {
  const parse = (query: Query): T => parser({ query } as unknown as FastifyRequest, 'acme');
  const errorsOf = (query: Query): Readonly<Record<string, string>> => {
    try {
      parse(query);
    } catch (error) {
      if (error instanceof RequestValidationFailed) return Object.fromEntries(error.errors.map((e) => [e.field, e.messages.join('; ')]));
      throw error;
    }
    throw new Error('expected RequestValidationFailed');
  };
  const fieldsOf = (query: Query): string[] => Object.keys(errorsOf(query)).sort();
  return { parse, errorsOf, fieldsOf };
};
