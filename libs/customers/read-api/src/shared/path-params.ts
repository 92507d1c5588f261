import type { PathParamRule } from '@meridian/platform/nest';
import type { CustomerSegment } from '@meridian/read-models/customer-list';
import { customerSegments } from '@meridian/read-models/customer-list';

/** A value segment, A to E, as written (segments are upper-case letters in every contract). */
export const segmentPathParam: PathParamRule<CustomerSegment> = {
  schema: { type: 'string', enum: [...customerSegments] },
  message: `must be one of ${customerSegments.join(', ')}`,
  normalize: (value) => value as CustomerSegment,
};
