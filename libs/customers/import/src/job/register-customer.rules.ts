import type { ArgumentMetadata } from '@nestjs/common';
import type { ImportFieldError, ImportRowFields } from '@meridian/customers/domain';
import { RegisterCustomerDto } from '@meridian/customers/api';
import { RequestValidationFailed, createValidationPipe } from '@meridian/platform/nest';
import { importColumns } from '../csv/import-columns';

// A row becomes a RegisterCustomer just like a POST /api/v1/customers body does,
// so it is held to that endpoint's rules by running its own DTO through the
// app's own validation pipe: a rule changed there applies here too, and an
// import can never record a customer the API would have refused.
const registerCustomerPipe = createValidationPipe();
const registerCustomerBody: ArgumentMetadata = { type: 'body', metatype: RegisterCustomerDto };

/**
 * The register request a row stands for. Blank cells are left out, as a client
 * leaves out a field it has no value for; every import column is a field of
 * the request (the compiler checks that `ImportRowFields` has each one).
 */
const registerRequestOf = (fields: ImportRowFields, defaultCountryCode: string | undefined): Record<string, unknown> => ({
  ...Object.fromEntries(importColumns.filter((column) => fields[column] !== '').map((column) => [column, fields[column]])),
  ...(defaultCountryCode ? { defaultCountryCode } : {}),
});

/** The pipe's messages start with the field ("name must be…"); the report names the field beside the message. */
const withoutFieldName = (field: string, message: string): string =>
  message.startsWith(`${field} `) || message.startsWith(`${field}: `) ? message.slice(field.length).replace(/^:? /, '') : message;

/** What the register endpoint would answer a row with, as the import reports it: one error per field and message. */
export const registerCustomerRuleErrors = async (fields: ImportRowFields, defaultCountryCode?: string): Promise<ImportFieldError[]> => {
  try {
    await registerCustomerPipe.transform(registerRequestOf(fields, defaultCountryCode), registerCustomerBody);
    return [];
  } catch (error) {
    if (!(error instanceof RequestValidationFailed)) throw error;
    return error.errors.flatMap(({ field, messages }) => messages.map((message) => ({ field, message: withoutFieldName(field, message) })));
  }
};
