import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

// The opportunities' own date rules; the request rules every context shares
// (IsText, IsOmittable, IsReference) come from @meridian/platform/nest.

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
