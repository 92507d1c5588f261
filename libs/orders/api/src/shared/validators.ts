import { applyDecorators } from '@nestjs/common';
import { IsString, Matches, MaxLength, ValidateIf } from 'class-validator';

// The same request rules as the opportunities API, repeated here because
// contexts share contracts only, not each other's HTTP layers.

/**
 * Free text: not blank, and no control characters other than tab and line
 * breaks (PostgreSQL's jsonb cannot even store U+0000).
 */
export const IsText = (maxLength: number) =>
  applyDecorators(
    IsString(),
    MaxLength(maxLength),
    Matches(/\S/, { message: '$property must not be blank' }),
    // eslint-disable-next-line no-control-regex
    Matches(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, { message: '$property must not contain control characters' }),
  );

/**
 * May be left out, but not sent as null: `@IsOptional` would wave null through
 * and let it reach events that promise a value whenever the field is present.
 */
export const IsOmittable = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** Ids from other contexts, from clients and payment providers: opaque, but bounded and printable. */
export const IsReference = () =>
  applyDecorators(
    IsString(),
    Matches(/^[\x21-\x7e]{1,128}$/, { message: '$property must be 1-128 printable characters without spaces' }),
  );
