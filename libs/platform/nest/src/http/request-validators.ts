import { applyDecorators } from '@nestjs/common';
import type { ValidationOptions } from 'class-validator';
import { IsNumber, IsString, Matches, MaxLength, ValidateBy, ValidateIf } from 'class-validator';

// Request rules every context's HTTP layer applies the same way. Rules that
// carry a domain's meaning (contact points, instants the contracts promise)
// stay with the context that owns them.

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

/**
 * Ids from other contexts, from clients, payment and identity providers:
 * opaque, but bounded and printable. `{ each: true }` checks every item of a list.
 */
export const IsReference = (options?: ValidationOptions) =>
  applyDecorators(
    IsString(options),
    Matches(/^[\x21-\x7e]{1,128}$/, { ...options, message: `$property must ${options?.each ? 'each ' : ''}be 1-128 printable characters without spaces` }),
  );


/** A finite number no finer than cents: 0.0000001 is a fraction of a cent, so too precise rather than "about zero". */
const hasAtMostTwoDecimals = (value: unknown): boolean => typeof value === 'number' && Number(value.toFixed(2)) === value;

/**
 * A money amount in major units with at most two decimals. Not class-validator's
 * `maxDecimalPlaces`: it reads decimals from `String(value)` and throws on the
 * exponent form small numbers print as (`1e-7`).
 */
export const IsMoneyAmount = () =>
  applyDecorators(
    IsNumber({ allowNaN: false, allowInfinity: false }),
    ValidateBy({
      name: 'atMostTwoDecimals',
      validator: { validate: hasAtMostTwoDecimals, defaultMessage: () => '$property must have at most two decimal places' },
    }),
  );
