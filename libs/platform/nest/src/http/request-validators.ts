import { applyDecorators } from '@nestjs/common';
import type { ValidationOptions } from 'class-validator';
import { IsNumber, ValidateBy, ValidateIf } from 'class-validator';
import { followsRuleName, publishRuleAs } from './body-schemas';
import type { InputRule } from './input-rules';
import { calendarDateRule, instantRule, referenceRule, satisfies, textRule } from './input-rules';

// Request rules every context's HTTP layer applies the same way. Rules that
// carry a domain's meaning (contact points, instants the contracts promise)
// stay with the context that owns them.

/**
 * A property checked by an input rule: the server runs the rule's JSON Schema
 * (compiled by ajv) and the OpenAPI document publishes that same schema.
 */
export const FollowsRule = (rule: InputRule, options?: ValidationOptions) =>
  ValidateBy(
    {
      name: followsRuleName,
      constraints: [rule.schema],
      validator: {
        validate: (value: unknown) => satisfies(rule, value),
        defaultMessage: () => `$property ${options?.each ? rule.message.replace(/^must /, 'must each ') : rule.message}`,
      },
    },
    options,
  );

/**
 * Free text: not blank, and no control characters other than tab and line
 * breaks (PostgreSQL's jsonb cannot even store U+0000).
 */
export const IsText = (maxLength: number) => FollowsRule(textRule(maxLength));

/**
 * May be left out, but not sent as null: `@IsOptional` would wave null through
 * and let it reach events that promise a value whenever the field is present.
 */
export const IsOmittable = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/**
 * Ids from other contexts, from clients, payment and identity providers:
 * opaque, but bounded and printable. `{ each: true }` checks every item of a list.
 */
export const IsReference = (options?: ValidationOptions) => FollowsRule(referenceRule, options);

/** A finite number no finer than cents: 0.0000001 is a fraction of a cent, so too precise rather than "about zero". */
const hasAtMostTwoDecimals = (value: unknown): boolean => typeof value === 'number' && Number(value.toFixed(2)) === value;

/**
 * A money amount in major units with at most two decimals. Not class-validator's
 * `maxDecimalPlaces`: it reads decimals from `String(value)` and throws on the
 * exponent form small numbers print as (`1e-7`).
 */
const atMostTwoDecimals = 'atMostTwoDecimals';
// JSON Schema's multipleOf as validators read it for doubles (exactly: 0.57 passes, 0.5700000000000001 does not),
// the same judgement `hasAtMostTwoDecimals` makes. Ajv's own multipleOf would refuse 0.57 (0.57 / 0.01 is 56.99…).
publishRuleAs({ [atMostTwoDecimals]: { multipleOf: 0.01 } });

export const IsMoneyAmount = () =>
  applyDecorators(
    IsNumber({ allowNaN: false, allowInfinity: false }),
    ValidateBy({
      name: atMostTwoDecimals,
      validator: { validate: hasAtMostTwoDecimals, defaultMessage: () => '$property must have at most two decimal places' },
    }),
  );

/** A real calendar date written `YYYY-MM-DD` (2026-02-30 is refused). */
export const IsCalendarDate = () => FollowsRule(calendarDateRule);

/** An RFC 3339 instant with seconds and an offset, e.g. 2026-03-01T09:30:00Z. */
export const IsInstant = () => FollowsRule(instantRule);
