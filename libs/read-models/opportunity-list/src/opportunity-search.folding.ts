import { foldText, nameWordSuffixesOf } from '@meridian/platform/projections';

/**
 * How a deal's name becomes the terms the list searches by: folded as every
 * read model folds names (@meridian/platform/projections' text folding), so a
 * name typed in the deal search matches as it does in the customer search.
 */

/** Lower-case, accents stripped, punctuation turned into single spaces (`Müller: Ærø-Ops` → `muller aero ops`). */
export const foldDealName = foldText;

/**
 * Every word-suffix of the folded name: `north wind fleet`, `wind fleet`,
 * `fleet`, sorted and without repeats. One literal prefix on this array then
 * finds any word (`win`) and any run of consecutive words (`wind fl`), and an
 * index on the array serves it.
 */
export const dealNameTermsOf = (name: string): string[] => [...new Set(nameWordSuffixesOf(name))].sort();

/** What a user typed, folded like a name: the prefix to look for in the terms; `undefined` when nothing searchable is left. */
export const dealNamePrefixOf = (typed: string): string | undefined => {
  const prefix = foldText(typed);
  return prefix === '' ? undefined : prefix;
};
