import { applyDecorators } from '@nestjs/common';
import type { ValidationArguments } from 'class-validator';
import { ArrayMaxSize, IsArray, ValidateBy } from 'class-validator';
import { publishRuleAs } from '@meridian/platform/nest';
import { checkEmail, checkPhone, defaultCountryCallingCode, isCountryCallingCode } from '@meridian/customers/domain';

// The customers' own request rules (the ones every context applies come from
// @meridian/platform/nest). Contact points are checked here with the domain's
// own functions, so a bad address is a 400 naming the field rather than a 409
// from the decider (which still checks, for other callers).

export const IsCountryCallingCode = () =>
  ValidateBy({
    name: 'isCountryCallingCode',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isCountryCallingCode(value),
      defaultMessage: () => 'defaultCountryCode must be + and 1-3 digits, not starting with 0 (e.g. +44)',
    },
  });

// What the document states for these rules. Email and phone validity are the
// domain's judgement (a phone number's is libphonenumber's, per country), which
// JSON Schema can only approximate: the schema gives the shape and the bound,
// the description names the rest.
publishRuleAs({
  isCountryCallingCode: { type: 'string', pattern: '^\\+[1-9][0-9]{0,2}$' },
  isEmailList: { type: 'array', items: { type: 'string', format: 'email' } },
  isPhoneList: { type: 'array', items: { type: 'string' } },
});

/** At most this many emails or phones per customer or contact: a bound on one request, not a business rule. */
export const maxContactPoints = 20;

type ContactPointCheck = (raw: string, object: object) => ReturnType<typeof checkEmail>;

/** The country code phones of this object are normalised with; a malformed one is reported on its own field. */
const countryCodeOf = (object: object): string => {
  const code = (object as { defaultCountryCode?: unknown }).defaultCountryCode;
  return typeof code === 'string' && isCountryCallingCode(code) ? code : defaultCountryCallingCode;
};

const problemsOf = (value: unknown, check: ContactPointCheck, object: object): string[] =>
  Array.isArray(value)
    ? value.flatMap((raw: unknown, index) => {
        if (typeof raw !== 'string') return [`[${index}] must be a string`];
        const result = check(raw, object);
        return result.valid ? [] : [`[${index}] "${raw}" ${result.problem}`];
      })
    : [];

const contactPointList = (name: string, check: ContactPointCheck) =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(maxContactPoints),
    ValidateBy({
      name,
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => problemsOf(value, check, args?.object ?? {}).length === 0,
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'value'}: ${problemsOf(args?.value, check, args?.object ?? {}).join('; ')}`,
      },
    }),
  );

/** A list of email addresses, each valid as the domain judges it (normalised later, by the decider). */
export const IsEmailList = () => contactPointList('isEmailList', (raw) => checkEmail(raw));

/** A list of phone numbers, each valid with the object's `defaultCountryCode` (else the domain's default). */
export const IsPhoneList = () => contactPointList('isPhoneList', (raw, object) => checkPhone(raw, countryCodeOf(object)));

/** The emails and phones as the decider will record them: normalised, de-duplicated, invalid ones left out. */
export const normalisedContactPoints = (
  emails: readonly string[],
  phones: readonly string[],
  defaultCountryCode: string | undefined,
): Readonly<{ emails: string[]; phones: string[] }> => {
  const valid = (results: readonly ReturnType<typeof checkEmail>[]) => [...new Set(results.flatMap((r) => (r.valid ? [r.value] : [])))];
  return {
    emails: valid(emails.map((raw) => checkEmail(raw))),
    phones: valid(phones.map((raw) => checkPhone(raw, defaultCountryCode ?? defaultCountryCallingCode))),
  };
};
