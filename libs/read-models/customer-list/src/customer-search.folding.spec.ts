import { foldText, nameKeyOf, nameTermsOf, searchPrefixOf, searchTermsOf } from './customer-search.folding';

describe('customer search folding', () => {
  it('folds names to lower case without accents or punctuation, keeping other scripts', () => {
    expect(nameKeyOf('  Müller & Søn, GmbH ')).toBe('muller son gmbh');
    expect(foldText('Straße Ærø Œuvre Łódź')).toBe('strasse aero oeuvre lodz');
    expect(foldText('ＡＣＭＥ　Inc.')).toBe('acme inc');
    expect(foldText('Ωmega 東京')).toBe('ωmega 東京');
    expect(foldText('--')).toBe('');
  });

  it('makes every word-suffix of a name a term, so any word or run of words is a prefix', () => {
    expect(nameTermsOf('North Wind Traders')).toEqual(['north wind traders', 'wind traders', 'traders']);
    expect(nameTermsOf('')).toEqual([]);
    expect(nameTermsOf(Array.from({ length: 30 }, (_, n) => `w${n}`).join(' '))).toHaveLength(12);
  });

  it('collects names, emails with their local part and domain folded, and phones with and without the plus and the country code', () => {
    expect(searchTermsOf({ names: ['Acme Corp', 'Ann Lee'], emails: ['ann.lee@acme.com'], phones: ['+15550104477'] })).toEqual([
      '+15550104477', '050104477', '0550104477', '05550104477', '15550104477', '50104477', '550104477', '5550104477',
      'acme com', 'acme corp', 'ann lee', 'ann.lee@acme.com', 'corp', 'lee',
    ]);
  });

  it('turns what a user typed into the prefix to look for', () => {
    expect(searchPrefixOf('  Mül ')).toBe('mul');
    expect(searchPrefixOf('Wind  Tra')).toBe('wind tra');
    expect(searchPrefixOf('Ann.Lee@ACME')).toBe('ann.lee@acme');
    expect(searchPrefixOf('acme.com')).toBe('acme com');
    expect(searchPrefixOf('ann.lee')).toBe('ann lee');
    expect(searchPrefixOf('+1 (555) 010')).toBe('+1555010');
    expect(searchPrefixOf('555-010')).toBe('555010');
    expect(searchPrefixOf('  ')).toBeUndefined();
    expect(searchPrefixOf('!!')).toBeUndefined();
  });

  it('finds what it folded: every typed form is a prefix of a stored term', () => {
    const terms = searchTermsOf({ names: ['Société Générale'], emails: ['ann.lee@sg.fr'], phones: ['+33140001234'] });
    // The phone also as dialled in France: without +33, with or without the trunk 0.
    for (const typed of ['soc', 'Générale', 'societe gen', 'ann.lee', 'ANN.LEE@SG', 'sg.fr', '+33 1 40', '33140', '01 40 00 12', '1 40 00 12 34']) {
      const prefix = searchPrefixOf(typed) ?? '';
      expect([typed, terms.some((term) => term.startsWith(prefix))]).toEqual([typed, true]);
    }
  });
});
