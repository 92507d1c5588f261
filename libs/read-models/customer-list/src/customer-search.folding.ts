import { foldText, nameWordSuffixesOf } from '@meridian/platform/projections';

/**
 * How names, emails and phones become the keys the customer list sorts and
 * searches by. The store's `prefix` is a case-sensitive literal prefix, so
 * everything is folded once here, when the document is written, and the
 * same folding is applied to what a user types. Names fold as in every read
 * model (@meridian/platform/projections' text folding).
 */
export { foldText };

/** The key a customer list sorts by and similar-name lookups match on. */
export const nameKeyOf = (name: string): string => foldText(name);

/** Every word-suffix of the folded name (see nameWordSuffixesOf). */
export const nameTermsOf = (name: string): string[] => nameWordSuffixesOf(name);

const phoneLike = /^\+?[\d\s().\-/]+$/;

/**
 * An email as itself (typed with its `@`, it is looked up as is), and its
 * local part and domain folded like names: typed without an `@`, `ann.lee`
 * and `acme.com` are folded to `ann lee` and `acme com` before the lookup,
 * and `acme` finds everyone writing from acme.com.
 */
const emailTermsOf = (email: string): string[] => {
  const at = email.lastIndexOf('@');
  return at > 0 && at < email.length - 1 ? [email, foldText(email.slice(0, at)), foldText(email.slice(at + 1))] : [email];
};

/** A normalised phone (`+15550104477`) and its digits alone, so `1555…` typed without the plus also matches. */
/**
 * A stored phone is `+<country code><number>`, but people type the number as
 * they dial it at home: without the country code, often with the trunk 0
 * ("020 7946 0018" for +44 20 7946 0018; "(555) 010-4477" for +1). Country
 * codes are one to three digits, so the number is also kept without each
 * possible one, bare and with a leading 0. A few extra terms per phone buy
 * search by the national form; duplicate detection does not use these terms.
 */
const phoneTermsOf = (phone: string): string[] => {
  if (!phone.startsWith('+')) return [phone];
  const digits = phone.slice(1);
  const national = [1, 2, 3].map((codeLength) => digits.slice(codeLength)).filter((rest) => rest.length >= 6);
  return [phone, digits, ...national, ...national.map((rest) => `0${rest}`)];
};

export type SearchableParts = Readonly<{
  names: readonly string[];
  /** Already normalised by the customers context (trimmed, lower-cased). */
  emails: readonly string[];
  /** Already normalised (`+` and digits). */
  phones: readonly string[];
}>;

/** The document's `searchTerms`: sorted and without repeats, so equal inputs give equal documents. */
export const searchTermsOf = (parts: SearchableParts): string[] =>
  [...new Set([...parts.names.flatMap(nameTermsOf), ...parts.emails.flatMap(emailTermsOf), ...parts.phones.flatMap(phoneTermsOf)])]
    .filter((term) => term !== '')
    .sort();

/**
 * What a user typed, as the prefix to look for in `searchTerms`: a phone
 * keeps only its digits (and a leading `+`), an email (with its `@`) is only lower-cased,
 * anything else is folded like a name. `undefined` when nothing searchable is left.
 */
export const searchPrefixOf = (typed: string): string | undefined => {
  const trimmed = typed.trim();
  if (phoneLike.test(trimmed) && /\d/.test(trimmed)) return `${trimmed.startsWith('+') ? '+' : ''}${trimmed.replace(/\D/g, '')}`;
  const prefix = trimmed.includes('@') ? trimmed.toLowerCase() : foldText(trimmed);
  return prefix === '' ? undefined : prefix;
};
