import { foldCompanyName, foldToAscii } from './customer-name.fold';
import type { CustomerKind } from './customer.values';
import { jaroWinklerSimilarity } from './jaro-winkler.similarity';

/** What duplicate detection needs of a customer; emails and phones already normalised. */
export type DuplicateCandidate = Readonly<{
  /** Absent for a customer not registered yet (the one being entered). */
  customerId?: string;
  kind: CustomerKind;
  name: string;
  region: string;
  emails: readonly string[];
  phones: readonly string[];
}>;

export type DuplicateMatchReason = 'email' | 'phone' | 'similar-name';

export type DuplicateMatch = Readonly<{
  customerId: string;
  /** `strong`: a shared email or phone. `likely`: only a similar company name in the same region. */
  strength: 'strong' | 'likely';
  reasons: readonly DuplicateMatchReason[];
  /** Jaro–Winkler similarity of the folded names, rounded to three decimals. */
  nameSimilarity: number;
}>;

/** Company names at least this similar, in the same region, make a likely duplicate. */
export const likelyDuplicateNameSimilarity = 0.85;

const shares = (a: readonly string[], b: readonly string[]): boolean => a.some((item) => b.includes(item));
const regionKey = (region: string): string => foldToAscii(region).trim();

/**
 * The existing customers that are probably the candidate: a shared normalised
 * email or phone is `strong`; between two companies, a folded name similarity
 * of at least 0.85 in the same region is `likely`. People's names are not
 * compared: two John Smiths in one region are usually two people.
 * Strong matches come first, then by similarity, then by id; the candidate
 * itself (same id) is never its own duplicate. The caller chose the existing
 * customers (e.g. those sharing an email, a phone or a name prefix).
 */
export const findLikelyDuplicates = (candidate: DuplicateCandidate, existing: readonly DuplicateCandidate[]): DuplicateMatch[] => {
  const candidateName = foldCompanyName(candidate.name);
  const matches: DuplicateMatch[] = [];
  for (const other of existing) {
    if (other.customerId === undefined || other.customerId === candidate.customerId) continue;
    const similarity = jaroWinklerSimilarity(candidateName, foldCompanyName(other.name));
    const reasons: DuplicateMatchReason[] = [];
    if (shares(candidate.emails, other.emails)) reasons.push('email');
    if (shares(candidate.phones, other.phones)) reasons.push('phone');
    const bothCompanies = candidate.kind === 'company' && other.kind === 'company';
    if (bothCompanies && similarity >= likelyDuplicateNameSimilarity && regionKey(candidate.region) === regionKey(other.region)) {
      reasons.push('similar-name');
    }
    if (reasons.length === 0) continue;
    const strength = reasons.includes('email') || reasons.includes('phone') ? 'strong' : 'likely';
    matches.push({ customerId: other.customerId, strength, reasons, nameSimilarity: Math.round(similarity * 1000) / 1000 });
  }
  return matches.sort(
    (a, b) =>
      Number(b.strength === 'strong') - Number(a.strength === 'strong') ||
      b.nameSimilarity - a.nameSimilarity ||
      (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0),
  );
};
