import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { AsyncApiDocument, HeadersSchema, Reference, SchemaObject } from './asyncapi.types';
import { errorsOf } from './asyncapi-validator';

// Shared by the asyncapi specs (not a spec itself): the validators that judge
// what the documents promise, and small readers for the documents and schemas.

/** Header and key schemas are AsyncAPI Schema Objects (draft-07 superset): judged by a draft-07 validator. */
const draft07 = new Ajv({ strict: false, allErrors: true });
addFormats(draft07);

/** '' when the headers satisfy the schema, else ajv's errors: a failing expectation then says why. */
export const validHeaders = (schema: HeadersSchema, headers: Readonly<Record<string, string>>): string => {
  const validate = draft07.compile(schema);
  return validate(headers) ? '' : errorsOf(validate);
};

export const keyMatches = (schema: SchemaObject, key: string | null): boolean => draft07.validate(schema, key);

/** As the relay validates payloads: JSON Schema 2020-12, strict, with the catalogue's validator options. */
export const contractAjv = (validatorOptions: Readonly<Record<string, unknown>>): Ajv2020 => {
  const ajv = new Ajv2020({ strict: true, allErrors: true, ...validatorOptions });
  addFormats(ajv);
  return ajv;
};

/** Follows a local `$ref` (JSON Pointer, RFC 6901) inside the document. */
export const resolveIn =
  (document: AsyncApiDocument) =>
  ({ $ref }: Reference): unknown =>
    $ref
      .replace(/^#\//, '')
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], document);

export const sorted = (names: Iterable<string>): string[] => [...names].sort();

/** The field names of a contract schema and those it requires, read defensively: the catalogue types them as unknown. */
export const fieldsOf = (schema: Readonly<Record<string, unknown>>): Readonly<{ properties: string[]; required: string[] }> => {
  const { properties, required } = schema;
  if (typeof properties !== 'object' || properties === null) throw new Error(`schema ${String(schema.$id)} has no properties`);
  const requiredNames = Array.isArray(required) ? required.filter((name): name is string => typeof name === 'string') : [];
  return { properties: Object.keys(properties), required: requiredNames };
};
