import type { PipeTransform } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import { RequestValidationFailed } from '@meridian/platform/nest';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Order ids are UUIDs (random, or derived from an Idempotency-Key or an opportunity); anything else is a client error, not a lookup. */
@Injectable()
export class OrderIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!uuidPattern.test(value)) {
      throw new RequestValidationFailed([{ field: 'path:orderId', messages: ['must be a UUID'] }]);
    }
    return value.toLowerCase();
  }
}
