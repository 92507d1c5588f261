import type { DuplicateCandidate } from '@meridian/customers/domain';

/**
 * Injection token of the optional customer directory: the read side that
 * finds registered customers resembling a new one. A host without a read side
 * provides none, and registration then says `duplicateCheck: 'unavailable'`.
 * Provide it globally (the customers module resolves it in its own scope).
 */
export const CUSTOMER_DIRECTORY = Symbol('CustomerDirectory');

/**
 * Customers of the tenant that may be the probed one: those sharing a
 * normalised email or phone, or with a similar name in the same region. It may
 * return more than the duplicates (findLikelyDuplicates judges them); it is
 * eventually consistent, so a customer registered a moment ago can be missing.
 */
export type CustomerDirectory = Readonly<{
  duplicateCandidates: (
    tenantId: string,
    probe: Readonly<{ name: string; region: string; emails: readonly string[]; phones: readonly string[] }>,
  ) => Promise<readonly DuplicateCandidate[]>;
  /**
   * Resolves once every event up to `position` is in the directory; throws the
   * platform's ReadModelBehind after the read-your-writes bound. An import waits
   * for the head it saw at upload, so customers registered just before are found.
   */
  caughtUpWith: (position: number) => Promise<void>;
}>;
