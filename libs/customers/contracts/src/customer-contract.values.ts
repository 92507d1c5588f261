/**
 * Value types of the public customer events, v1. They repeat the domain's value
 * sets on purpose: contracts never import the domain, and the domain's
 * conformance spec proves the two stay identical.
 */
export const contractCustomerKinds = ['company', 'person'] as const;
export type ContractCustomerKind = (typeof contractCustomerKinds)[number];

export const contractCompanySizes = ['1-10', '11-50', '51-200', '201-1000', '1001+'] as const;
export type ContractCompanySize = (typeof contractCompanySizes)[number];

export const contractIntentLevels = ['hot', 'warm', 'cold'] as const;
export type ContractIntentLevel = (typeof contractIntentLevels)[number];

export const contractConsentPurposes = ['email-marketing', 'phone-marketing', 'profiling', 'data-sharing'] as const;
export type ContractConsentPurpose = (typeof contractConsentPurposes)[number];

export const contractInteractionKinds = ['call', 'email', 'meeting', 'visit'] as const;
export type ContractInteractionKind = (typeof contractInteractionKinds)[number];

export const contractValueSegments = ['A', 'B', 'C', 'D', 'E'] as const;
export type ContractValueSegment = (typeof contractValueSegments)[number];

export const contractDuplicateReasons = ['email', 'phone'] as const;
export type ContractDuplicateReason = (typeof contractDuplicateReasons)[number];

export const customerKindSchema = { type: 'string', enum: contractCustomerKinds } as const;
export const companySizeSchema = { type: 'string', enum: contractCompanySizes } as const;
export const intentLevelSchema = { type: 'string', enum: contractIntentLevels } as const;
export const consentPurposeSchema = { type: 'string', enum: contractConsentPurposes } as const;
export const interactionKindSchema = { type: 'string', enum: contractInteractionKinds } as const;
export const valueSegmentSchema = { type: 'string', enum: contractValueSegments } as const;
export const duplicateReasonSchema = { type: 'string', enum: contractDuplicateReasons } as const;

/** Normalised addresses: trimmed and lower-cased (for Gmail also without dots and `+tag`), each listed once. */
export const emailListSchema = {
  type: 'array',
  uniqueItems: true,
  items: { type: 'string', pattern: '^[^\\sA-Z@]+@[^\\sA-Z@]+\\.[^\\sA-Z@]+$' },
} as const;

/** Normalised numbers: `+`, a country code and 7–15 digits in all, each listed once. */
export const phoneListSchema = {
  type: 'array',
  uniqueItems: true,
  items: { type: 'string', pattern: '^\\+[1-9][0-9]{6,14}$' },
} as const;

export const countSchema = { type: 'integer', minimum: 0 } as const;
/** Rows of an import file, numbered from 1 (the first data row after the header). */
export const rowNumberSchema = { type: 'integer', minimum: 1 } as const;
