import type { DuplicateCandidate } from '@meridian/customers/domain';
import type { CustomerDirectory } from '@meridian/customers/api';

type Probe = Parameters<CustomerDirectory['duplicateCandidates']>[1];

/**
 * A fake of the customer-directory port: offers every customer the test put
 * in for the tenant (the real one pre-selects; findLikelyDuplicates judges
 * either way), remembers the probes it was asked with, and can be made to fail.
 */
export class FakeCustomerDirectory implements CustomerDirectory {
  readonly probes: { tenantId: string; probe: Probe }[] = [];
  private readonly customers: { tenantId: string; candidate: DuplicateCandidate }[] = [];
  failing = false;

  add(tenantId: string, candidate: DuplicateCandidate): void {
    this.customers.push({ tenantId, candidate });
  }

  /** Holds its customers in memory: always current. */
  readonly caughtUpWith = async (): Promise<void> => undefined;

  readonly duplicateCandidates = async (tenantId: string, probe: Probe): Promise<readonly DuplicateCandidate[]> => {
    this.probes.push({ tenantId, probe });
    if (this.failing) throw new Error('read store unreachable');
    return this.customers.filter((entry) => entry.tenantId === tenantId).map((entry) => entry.candidate);
  };
}
