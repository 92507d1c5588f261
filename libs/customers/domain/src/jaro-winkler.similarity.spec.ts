import { jaroSimilarity, jaroWinklerSimilarity } from './jaro-winkler.similarity';

const rounded = (value: number): number => Math.round(value * 1000) / 1000;

describe('Jaro similarity', () => {
  // Published values (Winkler 1990; Wikipedia "Jaro–Winkler distance").
  it.each([
    ['MARTHA', 'MARHTA', 0.944],
    ['DIXON', 'DICKSONX', 0.767],
    ['DWAYNE', 'DUANE', 0.822],
    ['FAREMVIEL', 'FARMVILLE', 0.884],
    ['CRATE', 'TRACE', 0.733],
  ])('%s / %s is %p', (a, b, expected) => {
    expect(rounded(jaroSimilarity(a, b))).toBe(expected);
  });

  it('is 1 for equal strings, 0 when nothing matches or one side is empty', () => {
    expect(jaroSimilarity('acme', 'acme')).toBe(1);
    expect(jaroSimilarity('', '')).toBe(1);
    expect(jaroSimilarity('abc', 'xyz')).toBe(0);
    expect(jaroSimilarity('abc', '')).toBe(0);
  });

  it('only counts characters within the match window as matching', () => {
    // Window for length 6 is 2: the "a" at 0 and the "a" at 5 are too far apart.
    expect(jaroSimilarity('abcdef', 'fbcdea')).toBeCloseTo((4 / 6 + 4 / 6 + 1) / 3, 10);
  });
});

describe('Jaro–Winkler similarity', () => {
  it.each([
    ['MARTHA', 'MARHTA', 0.961],
    ['DIXON', 'DICKSONX', 0.813],
    ['DWAYNE', 'DUANE', 0.84],
    ['JELLYFISH', 'SMELLYFISH', 0.896],
  ])('%s / %s is %p', (a, b, expected) => {
    expect(rounded(jaroWinklerSimilarity(a, b))).toBe(expected);
  });

  it('is symmetric and within [0, 1]', () => {
    for (const [a, b] of [['acme', 'acme corp'], ['northwind', 'northwinds'], ['x', 'yy'], ['', 'a']]) {
      const score = jaroWinklerSimilarity(a, b);
      expect(score).toBe(jaroWinklerSimilarity(b, a));
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });

  it('rewards at most four characters of common prefix', () => {
    const jaro = jaroSimilarity('abcdefgh', 'abcdefxy');
    expect(jaroWinklerSimilarity('abcdefgh', 'abcdefxy')).toBeCloseTo(jaro + 4 * 0.1 * (1 - jaro), 12);
  });

  it('adds nothing without a common first character', () => {
    expect(jaroWinklerSimilarity('CRATE', 'TRACE')).toBe(jaroSimilarity('CRATE', 'TRACE'));
  });
});
