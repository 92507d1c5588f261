import type { PipeTransform } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import { RequestValidationFailed } from '@meridian/platform/nest';
import type { CustomerSegment } from '@meridian/read-models/customer-list';
import { customerSegments } from '@meridian/read-models/customer-list';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Customer ids are UUIDs, stored lower-case (as the customers API records
 * them): anything else is a client error, answered 400 instead of a lookup
 * that could only miss.
 */
@Injectable()
export class CustomerIdParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!uuid.test(value)) throw new RequestValidationFailed([{ field: 'path:customerId', messages: ['must be a UUID'] }]);
    return value.toLowerCase();
  }
}

/** A value segment, A to E, as written (segments are upper-case letters in every contract). */
@Injectable()
export class SegmentParam implements PipeTransform<string, CustomerSegment> {
  transform(value: string): CustomerSegment {
    const segment = customerSegments.find((known) => known === value);
    if (segment === undefined) throw new RequestValidationFailed([{ field: 'path:segment', messages: [`must be one of ${customerSegments.join(', ')}`] }]);
    return segment;
  }
}
