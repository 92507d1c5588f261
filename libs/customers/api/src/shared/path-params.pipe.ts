import type { PipeTransform } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import { RequestValidationFailed } from '@meridian/platform/nest';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const referencePattern = /^[\x21-\x7e]{1,128}$/;
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f]/;

/**
 * Customer ids are UUIDs (random, or derived from an Idempotency-Key or an
 * import row): anything else is a client error, not a lookup. Lower-cased so
 * one customer has one stream whatever the caller's casing.
 */
abstract class UuidParamPipe implements PipeTransform<string, string> {
  protected abstract readonly field: string;

  transform(value: string): string {
    if (!uuidPattern.test(value)) throw new RequestValidationFailed([{ field: `path:${this.field}`, messages: ['must be a UUID'] }]);
    return value.toLowerCase();
  }
}

@Injectable()
export class CustomerIdPipe extends UuidParamPipe {
  protected readonly field = 'customerId';
}

@Injectable()
export class MergedCustomerIdPipe extends UuidParamPipe {
  protected readonly field = 'mergedCustomerId';
}

/** Contact ids are chosen by clients (or derived): opaque, bounded and printable, like every reference. */
@Injectable()
export class ContactIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!referencePattern.test(value)) {
      throw new RequestValidationFailed([{ field: 'path:contactId', messages: ['must be 1-128 printable characters without spaces'] }]);
    }
    return value;
  }
}

/** A tag as typed (the domain trims and lower-cases it): not blank, at most 64 characters, no control characters. */
@Injectable()
export class TagPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (value.trim() === '' || value.length > 64 || controlCharacters.test(value)) {
      throw new RequestValidationFailed([{ field: 'path:tag', messages: ['must be 1-64 characters, not blank, without control characters'] }]);
    }
    return value;
  }
}
