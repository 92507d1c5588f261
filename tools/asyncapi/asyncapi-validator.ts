import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { schemas } from '@asyncapi/specs';

/**
 * The official AsyncAPI 3.0.0 JSON Schema (draft-07) compiled with ajv. The
 * bundle embeds the draft-07 meta-schema under the id ajv already registers,
 * which ajv refuses as a duplicate; it is dropped from a copy, as the AsyncAPI
 * parser itself does. `strict: false` because ajv's strict mode refuses the
 * bundle (e.g. `additionalProperties` without `type: "object"`, strictTypes);
 * that is about how the schema is written, not how strictly it validates.
 */
export const compileAsyncApi300Validator = (): ValidateFunction => {
  const schema = structuredClone(schemas['3.0.0']);
  const definitions = { ...schema.definitions };
  delete definitions['http://json-schema.org/draft-07/schema'];
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile({ ...schema, definitions });
};

/** Readable ajv errors for a failing expectation. */
export const errorsOf = (validate: ValidateFunction): string =>
  (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`).join('\n');
