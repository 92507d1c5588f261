/**
 * Legal-form words that say nothing about which company it is: "ACME Inc." and
 * "Acme Ltd" should compare as "acme". Matched as whole trailing words after folding.
 */
export const legalSuffixes: ReadonlySet<string> = new Set([
  'inc', 'incorporated', 'ltd', 'limited', 'llc', 'llp', 'lp', 'gmbh', 'mbh', 'kg', 'ag', 'sa', 'sas', 'sarl', 'srl', 'spa',
  'bv', 'nv', 'co', 'corp', 'corporation', 'company', 'plc', 'pty', 'oy', 'ab', 'as', 'aps', 'kk',
]);

// Letters that Unicode decomposition does not reduce to ASCII.
const specialLetters: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i',
};

/** Lower-case ASCII: accents dropped (é → e), special letters spelled out (ß → ss). */
export const foldToAscii = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ßæœøđðþłı]/g, (letter) => specialLetters[letter] ?? letter);

/**
 * A company name reduced to what identifies it: folded to lower-case ASCII,
 * apostrophes and dots dropped (so "S.A." is "sa" and "Macy's" is "macys"),
 * other punctuation as spaces, and the legal-form words it ends with removed
 * ("Müller GmbH & Co. KG" → "muller"). Only trailing ones: at the front or in
 * the middle such a word is usually part of the name ("AB Volvo Penta", "Co-op
 * Bank"). A name made only of such words keeps them, so it still has
 * something to compare.
 */
export const foldCompanyName = (name: string): string => {
  const words = foldToAscii(name)
    .replace(/['’.]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '');
  let end = words.length;
  while (end > 0 && legalSuffixes.has(words[end - 1])) end -= 1;
  return (end > 0 ? words.slice(0, end) : words).join(' ');
};
