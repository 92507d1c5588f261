/** Major currency units (e.g. 1250.5 EUR) with at most two decimals; ISO 4217 code. */
export type Money = Readonly<{ amount: number; currency: string }>;

/** Instant, RFC 3339 with offset, e.g. `2026-03-01T09:30:00.000Z`. */
export type Instant = string;

export const customerKinds = ['company', 'person'] as const;
export type CustomerKind = (typeof customerKinds)[number];

/** Head-count bands of a company; the bands are part of the public contract. */
export const companySizes = ['1-10', '11-50', '51-200', '201-1000', '1001+'] as const;
export type CompanySize = (typeof companySizes)[number];

export const intentLevels = ['hot', 'warm', 'cold'] as const;
export type IntentLevel = (typeof intentLevels)[number];

export const consentPurposes = ['email-marketing', 'phone-marketing', 'profiling', 'data-sharing'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

export const interactionKinds = ['call', 'email', 'meeting', 'visit'] as const;
export type InteractionKind = (typeof interactionKinds)[number];

/** Value segments, A (no purchase in the window) to E (high value, high frequency). */
export const valueSegments = ['A', 'B', 'C', 'D', 'E'] as const;
export type ValueSegment = (typeof valueSegments)[number];

/** Why an import row was held back as a duplicate. */
export const duplicateReasons = ['email', 'phone'] as const;
export type DuplicateReason = (typeof duplicateReasons)[number];

/** Largest amount carried on the wire: below it, cent amounts survive the v1 contracts' `multipleOf` check. */
export const maxMoneyAmount = 999_999_999.99;

/** The default country calling code for numbers written without one, unless the command names another. */
export const defaultCountryCallingCode = '+1';

export const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value);
