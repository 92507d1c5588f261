import { applyDecorators } from '@nestjs/common';
import { IsISO8601, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

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

export const IsText = (maxLength: number) => applyDecorators(IsString(), IsNotEmpty(), MaxLength(maxLength));

/** Ids from other contexts and from the identity provider: opaque, but bounded and printable. */
export const IsReference = () =>
  applyDecorators(
    IsString(),
    Matches(/^[\x21-\x7e]{1,128}$/, { message: '$property must be 1-128 printable characters without spaces' }),
  );
