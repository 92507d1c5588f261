import type { PipeTransform } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import { RequestValidationFailed } from '@meridian/platform/nest';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opportunity ids are UUIDs; anything else is a client error, not a lookup. */
@Injectable()
export class OpportunityIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!uuidPattern.test(value)) {
      throw new RequestValidationFailed([{ field: 'path:opportunityId', messages: ['must be a UUID'] }]);
    }
    return value.toLowerCase();
  }
}
