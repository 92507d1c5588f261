import { nameKeyOf, searchTermsOf } from './customer-search.folding';
import type { CustomerListItem } from './customer-list.model';

/** An instant JavaScript cannot read (e.g. a leap second): dead-lettered rather than sorted as garbage. */
export class UnreadableCustomerInstant extends Error {
  override readonly name = 'UnreadableCustomerInstant';
}

/**
 * RFC 3339 in UTC with milliseconds, so instants with different offsets
 * compare and sort correctly as strings. `Date.parse` does not promise to
 * read a lower-case `t`/`z`, which RFC 3339 allows.
 */
export const utcInstantOf = (instant: string): string => {
  const millis = Date.parse(instant.toUpperCase());
  if (!Number.isFinite(millis)) throw new UnreadableCustomerInstant(`customer-list cannot read the instant "${instant}"`);
  return new Date(millis).toISOString();
};

/** Sets stay sorted and without repeats, so the same set is always the same document. */
export const withElement = (set: readonly string[], element: string): string[] => [...new Set([...set, element])].sort();
export const withoutElement = (set: readonly string[], element: string): string[] => set.filter((e) => e !== element);

/**
 * Recomputes the keys derived from name, emails, phones and contacts. Done on
 * every change rather than only on the events that touch those fields, so a
 * row can never carry keys that disagree with what it shows.
 */
export const withDerivedKeys = (item: CustomerListItem): CustomerListItem => {
  const emails = [...item.emails, ...item.contacts.flatMap((c) => c.emails)];
  const phones = [...item.phones, ...item.contacts.flatMap((c) => c.phones)];
  return {
    ...item,
    nameKey: nameKeyOf(item.name),
    searchTerms: searchTermsOf({ names: [item.name, ...item.contacts.map((c) => c.name)], emails, phones }),
    contactKeys: [...new Set([...emails, ...phones])].sort(),
  };
};
