import type { ArgumentMetadata, ValidationError } from '@nestjs/common';
import { ValidationPipe } from '@nestjs/common';
import type { FieldError } from './problem-details';
import { RequestValidationFailed } from './problem-details';

/** Flattens nested class-validator errors into `a.b.c` field paths. */
const flatten = (errors: readonly ValidationError[], prefix = ''): FieldError[] =>
  errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });

/**
 * Bodies must be JSON objects: `null`, arrays and bare values would otherwise
 * reach class-validator as "no fields", and an all-optional command would pass.
 * A request without any body counts as `{}`.
 */
class JsonObjectBodyValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'body') return super.transform(value, metadata);
    if (value === undefined) return super.transform({}, metadata);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new RequestValidationFailed([{ field: 'body', messages: ['must be a JSON object'] }]);
    }
    return super.transform(value, metadata);
  }
}

/** Unknown fields are refused, not silently dropped: a typo must not look like success. */
export const createValidationPipe = (): ValidationPipe =>
  new JsonObjectBodyValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new RequestValidationFailed(flatten(errors)),
  });
