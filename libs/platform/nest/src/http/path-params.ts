import type { PipeTransform } from '@nestjs/common';
import { Param } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { InputRule } from './input-rules';
import { satisfies, uuidRule } from './input-rules';
import { RequestValidationFailed } from './problem-details';

/** How a path parameter is checked, documented, and handed to the handler. */
export type PathParamRule<T extends string = string> = InputRule & Readonly<{ normalize?: (value: string) => T }>;

/** The value the handler gets, or a 400 naming `path:<name>`. */
export const readPathParam = <T extends string>(name: string, rule: PathParamRule<T>, value: string): T => {
  if (!satisfies(rule, value)) throw new RequestValidationFailed([{ field: `path:${name}`, messages: [rule.message] }]);
  return rule.normalize ? rule.normalize(value) : (value as T);
};

class PathParamPipe<T extends string> implements PipeTransform<string, T> {
  constructor(private readonly name: string, private readonly rule: PathParamRule<T>) {}

  transform(value: string): T {
    return readPathParam(this.name, this.rule, value);
  }
}

/**
 * A handler parameter bound to a path parameter: checked by its rule (400
 * naming `path:<name>` otherwise), and stated in the OpenAPI document with the
 * rule's schema. Both come from this one decorator, so a route cannot check one
 * thing and document another.
 */
export const PathParam = <T extends string>(name: string, rule: PathParamRule<T>): ParameterDecorator =>
  (target, method, index) => {
    Param(name, new PathParamPipe(name, rule))(target, method, index);
    if (method === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, method);
    if (descriptor) ApiParam({ name, required: true, schema: rule.schema })(target, method, descriptor);
  };

/**
 * Ids this platform assigns are UUIDs; any other value is a client error, not a
 * lookup that could only miss. Lower-cased, so one entity has one stream
 * whatever the caller's casing.
 */
export const uuidPathParam: PathParamRule = { ...uuidRule, normalize: (value) => value.toLowerCase() };
