import { defaultCountryCallingCode } from './customer.values';

/** The outcome of checking one email or phone: the normalised value, or what is wrong with it. */
export type ContactPointCheck = Readonly<{ valid: true; value: string }> | Readonly<{ valid: false; problem: string }>;

/** Gmail ignores dots and `+tag` in the local part, so those variants reach the same mailbox. */
const dotAndTagInsensitiveDomains: ReadonlySet<string> = new Set(['gmail.com', 'googlemail.com']);

/**
 * Trimmed, lower-cased, and for Gmail without dots and `+tag` in the local part.
 * Total for any input: it normalises, it does not judge (see `checkEmail`).
 * Lower-casing the local part is a deliberate simplification: real mailboxes
 * are case-insensitive in practice, and a CRM must match `Ann@x.com` to `ann@x.com`.
 */
export const normaliseEmail = (raw: string): string => {
  const email = raw.trim().toLowerCase();
  const at = email.lastIndexOf('@');
  if (at < 0) return email;
  const domain = email.slice(at + 1);
  if (!dotAndTagInsensitiveDomains.has(domain)) return email;
  const local = email.slice(0, at).split('+')[0].replace(/\./g, '');
  return `${local}@${domain}`;
};

// A pragmatic address check (RFC 5321 sizes, dot-atom local part, host name
// domain with a letter TLD): strict enough to catch typos, without quoted local parts.
const localPartPattern = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const domainLabelPattern = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Validates an address as typed (after trimming and lower-casing) and returns its normalised form. */
export const checkEmail = (raw: string): ContactPointCheck => {
  const email = raw.trim().toLowerCase();
  if (email === '') return { valid: false, problem: 'is empty' };
  if (email.length > 254) return { valid: false, problem: 'is longer than 254 characters' };
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1) return { valid: false, problem: 'needs a local part, an @ and a domain' };
  const local = email.slice(0, at);
  const labels = email.slice(at + 1).split('.');
  if (local.length > 64) return { valid: false, problem: 'has a local part longer than 64 characters' };
  if (!localPartPattern.test(local)) return { valid: false, problem: `has an invalid local part "${local}"` };
  if (labels.length < 2 || !labels.every((label) => domainLabelPattern.test(label))) {
    return { valid: false, problem: `has an invalid domain "${email.slice(at + 1)}"` };
  }
  if (!/^[a-z]{2,63}$/.test(labels[labels.length - 1])) return { valid: false, problem: 'has no valid top-level domain' };
  const value = normaliseEmail(email);
  if (value.startsWith('@')) return { valid: false, problem: 'has nothing left of its local part once dots and +tag are removed' };
  return { valid: true, value };
};

const countryCodePattern = /^\+[1-9][0-9]{0,2}$/;

/** `+` and one to three digits, not starting with 0: the shape of an ITU country calling code. */
export const isCountryCallingCode = (code: string): boolean => countryCodePattern.test(code);

/**
 * Digits only, keeping a leading `+`; `00` at the start is the international
 * prefix, so it becomes `+`. A number without a country code gets
 * `defaultCountryCode`. Total for any input: it normalises, it does not judge
 * (see `checkPhone`). A national number loses its trunk prefix before the
 * default code is put in front, as a caller abroad would dial it: "030 1234567"
 * under +49 is +49301234567, the same number as "+49 30 1234567", so duplicate
 * detection sees one number. North America's trunk prefix is 1 ("1 555 010 4477");
 * Italy and its enclaves keep the leading 0, which is part of their numbers.
 */
export const normalisePhone = (raw: string, defaultCountryCode: string = defaultCountryCallingCode): string => {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) return `+${digits}`;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  return `${defaultCountryCode}${withoutTrunkPrefix(digits, defaultCountryCode)}`;
};

const zeroIsPartOfNumber = new Set(['+39', '+378', '+379']);

const withoutTrunkPrefix = (digits: string, countryCode: string): string => {
  if (countryCode === '+1') return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  return digits.startsWith('0') && !zeroIsPartOfNumber.has(countryCode) ? digits.slice(1) : digits;
};

// Separators people type between groups of digits; anything else (letters, a
// second `+`) means the text is not a phone number we can dial.
const phoneCharactersPattern = /^\+?[0-9\s().\-/]*$/;

/** Validates a phone number as typed and returns its normalised form (7–15 digits, E.164 style). */
export const checkPhone = (raw: string, defaultCountryCode: string = defaultCountryCallingCode): ContactPointCheck => {
  if (!isCountryCallingCode(defaultCountryCode)) {
    return { valid: false, problem: `cannot take the default country code "${defaultCountryCode}"` };
  }
  const trimmed = raw.trim();
  if (trimmed === '') return { valid: false, problem: 'is empty' };
  if (!phoneCharactersPattern.test(trimmed)) {
    return { valid: false, problem: 'may contain only digits, spaces, ( ) . - / and a leading +' };
  }
  const value = normalisePhone(trimmed, defaultCountryCode);
  const digitCount = value.length - 1;
  if (digitCount < 7 || digitCount > 15) return { valid: false, problem: `has ${digitCount} digits; 7 to 15 are needed` };
  if (value.startsWith('+0')) return { valid: false, problem: 'has a country code starting with 0' };
  return { valid: true, value };
};
