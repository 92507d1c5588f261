/** Every public event schema is JSON Schema draft 2020-12. */
export const jsonSchemaDialect = 'https://json-schema.org/draft/2020-12/schema';

/**
 * Validator settings every consumer needs. Money amounts are decimal numbers
 * with `multipleOf: 0.01`, and in binary floating point 19.99 / 0.01 is not an
 * integer, so a validator without a tolerance rejects valid amounts. With
 * precision 4 (ajv's `multipleOfPrecision`), cent amounts below one billion
 * are judged exactly.
 */
export const contractValidatorOptions = { multipleOfPrecision: 4 } as const;

/** A JSON Schema node; the keywords are checked by the validator, not by the compiler. */
export type JsonSchemaNode = Readonly<Record<string, unknown>>;

type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];

/** The shape of an event payload schema, keyed by its payload type's properties. */
export type EventSchema<TPayload> = Readonly<{
  $schema: typeof jsonSchemaDialect;
  $id: string;
  title: string;
  description: string;
  type: 'object';
  additionalProperties: false;
  required: readonly RequiredKeys<TPayload>[];
  properties: { readonly [K in keyof TPayload]-?: JsonSchemaNode };
}>;

type Drift<TPayload, TSchema extends EventSchema<TPayload>> = [
  | Exclude<RequiredKeys<TPayload>, TSchema['required'][number]>
  | Exclude<keyof TSchema['properties'], keyof TPayload>,
] extends [never]
  ? unknown
  : { schemaDriftsFromPayloadType: Exclude<RequiredKeys<TPayload>, TSchema['required'][number]> | Exclude<keyof TSchema['properties'], keyof TPayload> };

/**
 * Binds a schema to its payload type at compile time: every property of the
 * type is described, no other property is, and every non-optional property is
 * listed in `required`. The literal schema type is kept for consumers.
 */
export const eventSchemaFor =
  <TPayload>() =>
  <const TSchema extends EventSchema<TPayload>>(schema: TSchema & Drift<TPayload, TSchema>): TSchema =>
    schema;

/** `<topic>.<EventType>.v<version>`: the CloudEvents `ce_type` of one contract version. */
export const ceTypeOn = <TTopic extends string, TType extends string, TVersion extends number>(topic: TTopic, type: TType, version: TVersion) =>
  `${topic}.${type}.v${version}` as const;

/** The `$id` of one contract version's schema. */
export const schemaIdOn = (topic: string, type: string, version: number): string => `urn:meridian:event:${topic}.${type}.v${version}`;
