import { applyDecorators } from '@nestjs/common';
import { IsISO8601, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';

/** A real calendar date written `YYYY-MM-DD` (2026-02-30 is refused). */
export const IsCalendarDate = () =>
  applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date written YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a real calendar date' }),
  );

/** An instant with date, time and offset, e.g. 2026-03-01T09:30:00Z. */
export const IsInstant = () =>
  applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, {
      message: '$property must be an ISO 8601 date-time with an offset, e.g. 2026-03-01T09:30:00Z',
    }),
    IsISO8601({ strict: true }),
  );

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

/** Ids from other contexts and from the identity provider: opaque, but bounded and printable. */
export const IsReference = () =>
  applyDecorators(
    IsString(),
    Matches(/^[\x21-\x7e]{1,128}$/, { message: '$property must be 1-128 printable characters without spaces' }),
  );
