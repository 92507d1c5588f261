/**
 * Jaro similarity (Jaro 1989): matching characters within a window of half the
 * longer length minus one, and half the transpositions among them. 1 for equal
 * strings (two empty ones included), 0 when nothing matches.
 */
export const jaroSimilarity = (a: string, b: string): number => {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const matchedInA: boolean[] = new Array<boolean>(a.length).fill(false);
  const matchedInB: boolean[] = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i += 1) {
    const from = Math.max(0, i - window);
    const to = Math.min(b.length - 1, i + window);
    for (let j = from; j <= to; j += 1) {
      if (!matchedInB[j] && a[i] === b[j]) {
        matchedInA[i] = true;
        matchedInB[j] = true;
        matches += 1;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  // Matched characters of each string, in order; each position where they differ is half a transposition.
  let outOfOrder = 0;
  let j = 0;
  for (let i = 0; i < a.length; i += 1) {
    if (!matchedInA[i]) continue;
    while (!matchedInB[j]) j += 1;
    if (a[i] !== b[j]) outOfOrder += 1;
    j += 1;
  }
  const transpositions = outOfOrder / 2;
  return (matches / a.length + matches / b.length + (matches - transpositions) / matches) / 3;
};

/** Winkler's prefix scale and the longest prefix it rewards, as in the original paper. */
const prefixScale = 0.1;
const maxPrefix = 4;

/**
 * Jaro–Winkler similarity (Winkler 1990): Jaro, raised for a common prefix of up
 * to four characters, `jaro + prefix × 0.1 × (1 − jaro)`. In [0, 1], symmetric.
 * Published values: MARTHA/MARHTA 0.961, DIXON/DICKSONX 0.813, DWAYNE/DUANE 0.840.
 */
export const jaroWinklerSimilarity = (a: string, b: string): number => {
  const jaro = jaroSimilarity(a, b);
  let prefix = 0;
  while (prefix < Math.min(maxPrefix, a.length, b.length) && a[prefix] === b[prefix]) prefix += 1;
  return jaro + prefix * prefixScale * (1 - jaro);
};
