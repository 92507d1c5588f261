import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { ValidationTypes } from 'class-validator';
import type { MetadataStorage as TransformerMetadataStorage } from 'class-transformer/types/MetadataStorage';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import type { ISchemaConverters } from 'class-validator-jsonschema/build/defaultConverters';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

// class-transformer keeps `@Type` metadata in this storage and exports no typed path to it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformerMetadataStorage };

/**
 * Request bodies are checked by class-validator; their OpenAPI schemas are
 * derived here from the very same decorators (through class-validator-jsonschema),
 * so the document states what the server enforces. Every rule a body uses must
 * have a converter below: an unknown one fails the document build instead of
 * being published as "any value".
 */

/** A class a route takes as its body (or one it nests). */
export type BodyClass = abstract new (...args: never[]) => object;

/** Rules that carry their own JSON Schema (see `FollowsRule`): published as written. */
export const followsRuleName = 'followsRule';

type Converter = ISchemaConverters[string];
const fixed = (schema: SchemaObject): Converter => () => schema as never;

const ruleConverters: Record<string, Converter> = {
  [ValidationTypes.WHITELIST]: fixed({}),
  [ValidationTypes.CONDITIONAL_VALIDATION]: fixed({}),
  // Required-ness is stated by `required`; `not: {type: null}` is no OpenAPI 3.0.
  isDefined: fixed({}),
  isString: fixed({ type: 'string' }),
  isNumber: fixed({ type: 'number' }),
  isInt: fixed({ type: 'integer' }),
  isBoolean: fixed({ type: 'boolean' }),
  isArray: fixed({ type: 'array' }),
  isUuid: fixed({ type: 'string', format: 'uuid' }),
  isIn: (meta) => ({ enum: [...(meta.constraints[0] as unknown[])] }) as never,
  min: (meta) => ({ minimum: meta.constraints[0] }) as never,
  max: (meta) => ({ maximum: meta.constraints[0] }) as never,
  minLength: (meta) => ({ minLength: meta.constraints[0] }) as never,
  maxLength: (meta) => ({ maxLength: meta.constraints[0] }) as never,
  arrayMinSize: (meta) => ({ minItems: meta.constraints[0] }) as never,
  arrayMaxSize: (meta) => ({ maxItems: meta.constraints[0] }) as never,
  [followsRuleName]: (meta) => meta.constraints[0] as never,
};

/** Custom rules a context declares: name → the schema that states them (as closely as JSON Schema can). */
export type CustomRuleSchemas = Readonly<Record<string, SchemaObject>>;

const customRuleSchemas: Record<string, SchemaObject> = {};

/**
 * Registers what a custom class-validator rule (a `ValidateBy` name) means in
 * JSON Schema. Called next to the rule's definition, so its meaning and its
 * published form sit together.
 */
export const publishRuleAs = (schemas: CustomRuleSchemas): void => {
  Object.assign(customRuleSchemas, schemas);
};

const converters = (): ISchemaConverters => {
  const known: Record<string, Converter> = { ...ruleConverters };
  for (const [name, schema] of Object.entries(customRuleSchemas)) known[name] = fixed(schema);
  // class-validator-jsonschema hands every rule without a converter to this one (custom rules carry their name as type).
  known[ValidationTypes.CUSTOM_VALIDATION] = (meta: ValidationMetadata) => {
    throw new Error(`No JSON Schema is known for the rule "${meta.type}" on ${(meta.target as { name?: string }).name}.${meta.propertyName}: publish it with publishRuleAs()`);
  };
  return known as ISchemaConverters;
};

/** The schema of one body class, with nested classes as `$ref`s to their own component schemas. */
export const bodySchemaOf = (bodyClass: BodyClass): SchemaObject => {
  const schema = targetConstructorToSchema(bodyClass as never, {
    refPointerPrefix: '#/components/schemas/',
    classTransformerMetadataStorage: defaultMetadataStorage,
    additionalConverters: converters(),
  }) as SchemaObject;
  // Unknown fields are refused (the validation pipe forbids non-whitelisted ones).
  return { ...schema, additionalProperties: false };
};

/** The classes a body class nests (through `@Type`), each once, depth first. */
export const nestedClassesOf = (bodyClass: BodyClass, seen = new Set<BodyClass>()): BodyClass[] => {
  if (seen.has(bodyClass)) return [];
  seen.add(bodyClass);
  const nested: BodyClass[] = [];
  for (let target: BodyClass | null = bodyClass; target && (target as unknown) !== Function.prototype; target = Object.getPrototypeOf(target) as BodyClass | null) {
    const types = (defaultMetadataStorage as unknown as { _typeMetadatas: Map<BodyClass, Map<string, { typeFunction: () => BodyClass }>> })._typeMetadatas.get(target);
    for (const type of types?.values() ?? []) {
      const child = type.typeFunction();
      if (!seen.has(child)) nested.push(child, ...nestedClassesOf(child, seen));
    }
  }
  return nested;
};
