/**
 * How a deal's name becomes the terms the list searches by. The store's
 * `prefix` is a case-sensitive literal prefix, so names are folded once, when
 * the row is written, and what a user types is folded the same way. The rules
 * are the customer list's (its search by name); they are repeated here because
 * read models of one context do not depend on another context's.
 */

/** Letters with no Unicode decomposition that still have an obvious ASCII spelling. */
const ligatures: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ŧ: 't', ħ: 'h',
};

/** At most this many words of a name feed the search terms (names are short; this bounds a pathological one). */
const maxNameWords = 12;

/** Lower-case, accents stripped, punctuation turned into single spaces (`Müller: Ærø-Ops` → `muller aero ops`). */
export const foldDealName = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðþłıŧħ]/g, (letter) => ligatures[letter] ?? letter)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Every word-suffix of the folded name: `north wind fleet`, `wind fleet`,
 * `fleet`, sorted and without repeats. One literal prefix on this array then
 * finds any word (`win`) and any run of consecutive words (`wind fl`), and an
 * index on the array serves it.
 */
export const dealNameTermsOf = (name: string): string[] => {
  const words = foldDealName(name).split(' ').filter((word) => word !== '').slice(0, maxNameWords);
  return [...new Set(words.map((_, index) => words.slice(index).join(' ')))].sort();
};

/** What a user typed, folded like a name: the prefix to look for in the terms; `undefined` when nothing searchable is left. */
export const dealNamePrefixOf = (typed: string): string | undefined => {
  const prefix = foldDealName(typed);
  return prefix === '' ? undefined : prefix;
};
