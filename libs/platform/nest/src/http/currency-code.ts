import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

/**
 * ISO 4217 codes as the runtime's ICU knows them (CLDR's codes in use), not
 * every three capitals: `ZZZ` is no currency. The OpenAPI document publishes
 * this same list, so the enum a client generates from is the one enforced.
 */
export const currencyCodes: readonly string[] = Object.freeze(Intl.supportedValuesOf('currency'));

/**
 * A currency field of a request: validated against `currencyCodes` and
 * documented as the shared `CurrencyCode` enum (one schema, referenced by every
 * money value, rather than the list copied into each).
 */
export const CurrencyCodeField = (description = 'ISO 4217 currency code') =>
  applyDecorators(
    ApiProperty({ example: 'EUR', enum: currencyCodes, enumName: 'CurrencyCode', description }),
    IsIn(currencyCodes as string[], { message: '$property must be an ISO 4217 currency code in capitals, such as EUR' }),
  );
