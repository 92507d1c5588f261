/**
 * How text becomes the keys read models sort and search by. The query port's
 * `prefix` is a case-sensitive literal prefix, so text is folded once, when a
 * document is written, and what a user types is folded the same way. One
 * folding for every read model, so a name matches alike in every list.
 */

/** Letters with no Unicode decomposition that still have an obvious ASCII spelling. */
const ligatures: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ŧ: 't', ħ: 'h',
};

/** At most this many words of a name feed the search terms (names are short; this bounds a pathological one). */
const maxNameWords = 12;

/**
 * Lower-case, accents stripped (`Müller Ærø` → `muller aero`), punctuation
 * turned into single spaces. Letters of scripts without an ASCII spelling are
 * kept rather than dropped, so a name in Greek or Japanese still has a key.
 */
export const foldText = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðþłıŧħ]/g, (letter) => ligatures[letter] ?? letter)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Every word-suffix of the folded name, in word order: `north wind traders`,
 * `wind traders`, `traders`. A prefix query then finds any word (`wind`) and
 * any run of consecutive words (`wind tra`) with one literal prefix on one
 * field, which is all the query port offers and what an index serves.
 */
export const nameWordSuffixesOf = (name: string): string[] => {
  const words = foldText(name).split(' ').filter((word) => word !== '').slice(0, maxNameWords);
  return words.map((_, index) => words.slice(index).join(' '));
};
