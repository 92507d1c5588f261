import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { FastifyRequest } from 'fastify';
import type { InputRule } from './input-rules';
import { satisfies } from './input-rules';
import type { FieldError } from './problem-details';
import { RequestValidationFailed } from './problem-details';

/**
 * One query parameter: the schema the document states for it and the reading
 * the server applies, defined together. A value is text on the wire; `read`
 * gives the typed value, or `undefined` when the text breaks the rule (the
 * caller then reports `message`).
 */
export type QueryParameter<T> = Readonly<{ schema: SchemaObject; message: string; description?: string; read: (text: string) => T | undefined }>;

type Parameters = Readonly<Record<string, QueryParameter<unknown>>>;
type ValueOf<P> = P extends QueryParameter<infer T> ? T : never;

const fromRule = <T extends string>(schema: SchemaObject, message: string, description?: string): QueryParameter<T> => {
  const rule = { schema, message };
  return { schema, message, ...(description ? { description } : {}), read: (text) => (satisfies(rule, text) ? (text as T) : undefined) };
};

/** A parameter checked by an input rule (its schema as written, its message). */
export const ruleParameter = (rule: InputRule, description?: string): QueryParameter<string> => fromRule(rule.schema, rule.message, description);

/** A filter value: 1-200 characters, no control characters (a control character in a filter is a client bug, not a search term). */
export const textParameter = (description?: string): QueryParameter<string> =>
  fromRule({ type: 'string', minLength: 1, maxLength: 200, pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f]*$' }, 'must be 1-200 characters without control characters', description);

export const dateParameter = (description?: string): QueryParameter<string> =>
  fromRule({ type: 'string', format: 'date' }, 'must be a date YYYY-MM-DD', description);

export const monthParameter = (description?: string): QueryParameter<string> =>
  fromRule({ type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' }, 'must be a month YYYY-MM', description);

export const oneOfParameter = <T extends string>(values: readonly T[], description?: string): QueryParameter<T> =>
  fromRule({ type: 'string', enum: [...values] }, `must be one of ${values.join(', ')}`, description);

/** A whole number in decimal digits, within bounds. */
export const integerParameter = (minimum: number, maximum: number, description?: string): QueryParameter<number> => ({
  schema: { type: 'integer', minimum, maximum },
  message: `must be an integer from ${minimum} to ${maximum}`,
  ...(description ? { description } : {}),
  read: (text) => {
    const value = Number(text);
    return /^[0-9]+$/.test(text) && value >= minimum && value <= maximum ? value : undefined;
  },
});

export type QueryOptions = Readonly<{
  /** The endpoint reads `minPosition` too (documented, with X-Min-Position, by @ReadYourWrites). */
  readYourWrites?: boolean;
}>;

/**
 * The query parameters of one endpoint. `documented()` states them in the
 * OpenAPI document; `reader(request)` reads them strictly: unknown parameters
 * (a typo such as `owner=`) and repeated ones are errors, not silently ignored
 * filters, and every problem is collected into one 400.
 */
export const queryParameters = <P extends Parameters>(parameters: P, options: QueryOptions = {}) => {
  const names = [...Object.keys(parameters), ...(options.readYourWrites ? ['minPosition'] : [])];
  return {
    parameters,
    documented: () =>
      applyDecorators(
        ...Object.entries(parameters).map(([name, parameter]) =>
          ApiQuery({ name, required: false, schema: parameter.schema, ...(parameter.description ? { description: parameter.description } : {}) }),
        ),
      ),
    reader: (request: FastifyRequest) => {
      const query = (request.query ?? {}) as Record<string, unknown>;
      const errors: FieldError[] = [];
      const fail = (name: string, message: string) => errors.push({ field: `query:${name}`, messages: [message] });
      for (const name of Object.keys(query)) {
        if (!names.includes(name)) fail(name, `is not a parameter of this endpoint (allowed: ${names.join(', ')})`);
        else if (Array.isArray(query[name])) fail(name, 'is given more than once');
      }
      return {
        /** The typed value, or `undefined` when absent or invalid (an invalid one is noted). */
        value: <K extends keyof P & string>(name: K): ValueOf<P[K]> | undefined => {
          const text = query[name];
          if (typeof text !== 'string') return undefined;
          const parameter = parameters[name]!;
          const value = parameter.read(text);
          if (value === undefined) fail(name, parameter.message);
          return value as ValueOf<P[K]> | undefined;
        },
        fail,
        /** Throws the collected errors, if any. */
        done: () => {
          if (errors.length > 0) throw new RequestValidationFailed(errors);
        },
      };
    },
  };
};

export type QueryParametersOf = ReturnType<typeof queryParameters>;
