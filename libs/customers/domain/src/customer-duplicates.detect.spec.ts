import type { DuplicateCandidate } from './customer-duplicates.detect';
import { findLikelyDuplicates, likelyDuplicateNameSimilarity } from './customer-duplicates.detect';
import { foldCompanyName, foldToAscii } from './customer-name.fold';
import { jaroWinklerSimilarity } from './jaro-winkler.similarity';

describe('foldCompanyName', () => {
  it.each([
    ['ACME Inc.', 'acme'],
    ['Acme, Ltd', 'acme'],
    ['Müller GmbH & Co. KG', 'muller'],
    ['Société Générale S.A.', 'societe generale'],
    ['Nørgaard ApS', 'norgaard'],
    ['Straße Bau AG', 'strasse bau'],
    ["Macy's Corp", 'macys'],
    ['  Northwind   Traders  LLC ', 'northwind traders'],
    ['AB Volvo Penta', 'ab volvo penta'],
    ['Co-op Bank plc', 'co op bank'],
    ['Company Ltd', 'company ltd'],
    ['!!!', ''],
  ])('%j folds to %j', (name, folded) => {
    expect(foldCompanyName(name)).toBe(folded);
  });

  it('folds accents and special letters to lower-case ASCII', () => {
    expect(foldToAscii('ÉCOLE Œuvre Łódź Þór')).toBe('ecole oeuvre lodz thor');
  });
});

const company = (customerId: string | undefined, name: string, overrides: Partial<DuplicateCandidate> = {}): DuplicateCandidate => ({
  ...(customerId !== undefined ? { customerId } : {}),
  kind: 'company',
  name,
  region: 'dach',
  emails: [],
  phones: [],
  ...overrides,
});

describe('findLikelyDuplicates', () => {
  const candidate = company(undefined, 'ACME Analytics GmbH', { emails: ['sales@acme.example'], phones: ['+15550104477'] });

  it('finds a shared email or phone as a strong match, whatever the names', () => {
    const existing = [
      company('c-email', 'Totally Different', { emails: ['sales@acme.example'] }),
      company('c-phone', 'Also Different', { phones: ['+15550104477'], region: 'emea' }),
      company('c-none', 'Unrelated', { emails: ['info@other.example'] }),
    ];
    const found = findLikelyDuplicates(candidate, existing).map(({ customerId, strength, reasons }) => ({ customerId, strength, reasons }));
    expect(found.sort((a, b) => a.customerId.localeCompare(b.customerId))).toEqual([
      { customerId: 'c-email', strength: 'strong', reasons: ['email'] },
      { customerId: 'c-phone', strength: 'strong', reasons: ['phone'] },
    ]);
  });

  it('finds a similar company name in the same region as a likely match, legal suffixes ignored', () => {
    const [match] = findLikelyDuplicates(candidate, [company('c-1', 'Acme Analytics Ltd.')]);
    expect(match).toEqual({ customerId: 'c-1', strength: 'likely', reasons: ['similar-name'], nameSimilarity: 1 });
  });

  it('catches a typo in the name', () => {
    const [match] = findLikelyDuplicates(candidate, [company('c-1', 'Acme Analytcs')]);
    expect(match).toMatchObject({ strength: 'likely', reasons: ['similar-name'] });
    expect(match.nameSimilarity).toBeGreaterThanOrEqual(0.85);
  });

  it('uses 0.85 as the threshold, inclusive', () => {
    expect(likelyDuplicateNameSimilarity).toBe(0.85);
    // "dixon" / "dicksonx" scores 0.813: below the threshold.
    expect(findLikelyDuplicates(company(undefined, 'Dixon'), [company('c-1', 'Dicksonx')])).toEqual([]);
    // "martha" / "marhta" scores 0.961: above it.
    expect(findLikelyDuplicates(company(undefined, 'Martha'), [company('c-1', 'Marhta')])).toHaveLength(1);
  });

  it('does not call a similar name in another region a duplicate', () => {
    expect(findLikelyDuplicates(candidate, [company('c-1', 'Acme Analytics', { region: 'nordics' })])).toEqual([]);
  });

  it('compares regions folded: case, accents and surrounding spaces do not matter', () => {
    const found = findLikelyDuplicates(company(undefined, 'Acme', { region: 'Île-de-France' }), [
      company('c-1', 'Acme', { region: ' ile-de-france ' }),
    ]);
    expect(found).toHaveLength(1);
  });

  it("does not compare people's names: two people of the same name are usually two people", () => {
    const person = (customerId: string | undefined): DuplicateCandidate => ({ ...company(customerId, 'John Smith'), kind: 'person' });
    expect(findLikelyDuplicates(person(undefined), [person('c-1')])).toEqual([]);
    expect(findLikelyDuplicates(company(undefined, 'John Smith'), [person('c-1')])).toEqual([]);
  });

  it('still finds people by a shared email', () => {
    const person = { ...company(undefined, 'John Smith'), kind: 'person', emails: ['john@smith.example'] } as const;
    expect(findLikelyDuplicates(person, [{ ...person, customerId: 'c-1', name: 'J. Smith' }])).toMatchObject([{ strength: 'strong', reasons: ['email'] }]);
  });

  it('lists every reason of a match, and a shared contact point makes it strong', () => {
    const [match] = findLikelyDuplicates(candidate, [company('c-1', 'Acme Analytics AG', { emails: ['sales@acme.example'], phones: ['+15550104477'] })]);
    expect(match).toEqual({ customerId: 'c-1', strength: 'strong', reasons: ['email', 'phone', 'similar-name'], nameSimilarity: 1 });
  });

  it('orders strong matches first, then by similarity, then by id', () => {
    const found = findLikelyDuplicates(candidate, [
      company('c-likely-typo', 'Acme Analytcs'),
      company('c-likely-b', 'ACME Analytics'),
      company('c-likely-a', 'Acme Analytics SA'),
      company('c-strong', 'Zeta', { phones: ['+15550104477'] }),
    ]);
    expect(found.map((match) => match.customerId)).toEqual(['c-strong', 'c-likely-a', 'c-likely-b', 'c-likely-typo']);
  });

  it('never reports the candidate as its own duplicate, nor an existing entry without an id', () => {
    const self = company('c-self', 'ACME Analytics GmbH', { emails: ['sales@acme.example'] });
    expect(findLikelyDuplicates(self, [self, company(undefined, 'ACME Analytics GmbH')])).toEqual([]);
  });

  it('rounds the reported similarity to three decimals', () => {
    const [match] = findLikelyDuplicates(company(undefined, 'Martha'), [company('c-1', 'Marhta')]);
    expect(match.nameSimilarity).toBe(0.961);
    expect(jaroWinklerSimilarity('martha', 'marhta')).not.toBe(0.961);
  });
});
