import type { INestApplication } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { BodyClass } from './body-schemas';
import { bodySchemaOf, nestedClassesOf } from './body-schemas';

/** Keywords that describe a value without constraining it: kept from the @ApiProperty annotations. */
const annotationKeywords = ['description', 'example', 'title', 'deprecated'] as const;

type Schema = SchemaObject | ReferenceObject;

/** Every class a route takes as its `@Body()`, found through Nest's own route metadata. */
const bodyClassesOf = (app: INestApplication): BodyClass[] => {
  const classes = new Set<BodyClass>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as BodyClass | undefined;
      if (!controller) continue;
      for (const method of Object.getOwnPropertyNames(controller.prototype)) {
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, { index: number }>;
        const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, method) ?? []) as unknown[];
        for (const [key, arg] of Object.entries(args)) {
          const type = types[arg.index];
          if (key.split(':')[0] === String(RouteParamtypes.BODY) && typeof type === 'function' && type !== Object) classes.add(type as BodyClass);
        }
      }
    }
  }
  return [...classes];
};

const isReference = (schema: Schema | undefined): schema is ReferenceObject => Boolean(schema && '$ref' in schema);

/** The shared enum (e.g. `CurrencyCode`) a documented property points at, when it lists exactly the derived values. */
const sharedEnumFor = (documented: Schema | undefined, derived: SchemaObject, document: OpenAPIObject): ReferenceObject | undefined => {
  const target = isReference(documented) ? documented : (documented as SchemaObject | undefined)?.allOf?.find(isReference);
  if (!target || !derived.enum) return undefined;
  const shared = document.components?.schemas?.[target.$ref.split('/').pop() ?? ''] as SchemaObject | undefined;
  const same = shared?.enum && shared.enum.length === derived.enum.length && shared.enum.every((value, i) => value === derived.enum![i]);
  return same ? target : undefined;
};

const mergedProperty = (derived: SchemaObject, documented: Schema | undefined, document: OpenAPIObject): Schema => {
  const shared = sharedEnumFor(documented, derived, document);
  if (shared) return shared;
  if (isReference(derived) || !documented || isReference(documented)) return derived;
  const annotations = Object.fromEntries(annotationKeywords.filter((key) => documented[key] !== undefined).map((key) => [key, documented[key]]));
  return { ...derived, ...annotations };
};

/**
 * Replaces each request body's schema with the one derived from its
 * validators, keeping only the descriptions and examples of @ApiProperty.
 * Rules written in @ApiProperty (maxLength, formats) are dropped, so a rule the
 * server does not run cannot reach the document, nor a rule it runs be missing.
 */
export const publishBodySchemas = (app: INestApplication, document: OpenAPIObject): void => {
  const schemas = (document.components ??= {}).schemas ??= {};
  const roots = bodyClassesOf(app);
  const classes = new Set(roots.flatMap((root) => [root, ...nestedClassesOf(root)]));
  for (const bodyClass of classes) {
    const derived = bodySchemaOf(bodyClass);
    const documented = schemas[bodyClass.name] as SchemaObject | undefined;
    const properties = Object.fromEntries(
      Object.entries(derived.properties ?? {}).map(([name, schema]) => [name, mergedProperty(schema as SchemaObject, documented?.properties?.[name], document)]),
    );
    // Rules across fields (say, lostReason when toStage is lost) that a DTO states with @JSONSchema.
    const combinators = Object.fromEntries((['anyOf', 'oneOf', 'allOf', 'not'] as const).filter((key) => derived[key] !== undefined).map((key) => [key, derived[key]]));
    schemas[bodyClass.name] = {
      ...(documented?.description ? { description: documented.description } : {}),
      type: 'object',
      properties,
      ...(derived.required?.length ? { required: derived.required } : {}),
      ...combinators,
      additionalProperties: false,
    };
  }
  markOptionalBodies(document, roots);
};

/**
 * A body whose every field may be left out may be left out itself: the
 * validation pipe reads no body as `{}`. The document says so, rather than
 * Nest's default `required: true`.
 */
const markOptionalBodies = (document: OpenAPIObject, roots: readonly BodyClass[]): void => {
  const optional = new Set(roots.filter((root) => !(bodySchemaOf(root).required?.length)).map((root) => `#/components/schemas/${root.name}`));
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.get, item.put, item.post, item.delete, item.patch]) {
      const body = operation?.requestBody as { required?: boolean; content?: Record<string, { schema?: { $ref?: string } }> } | undefined;
      const ref = body?.content?.['application/json']?.schema?.$ref;
      if (body && ref && optional.has(ref)) body.required = false;
    }
  }
};
