import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { DuplicateCandidate } from '@meridian/customers/domain';
import { findLikelyDuplicates } from '@meridian/customers/domain';
import type { CustomerDirectory } from '../shared/customer-directory.port';
import { CUSTOMER_DIRECTORY } from '../shared/customer-directory.port';
import type { PossibleDuplicateDto } from './customer-registered.dto';

export type DuplicateCheck = Readonly<{ status: 'completed'; duplicates: readonly PossibleDuplicateDto[] }> | Readonly<{ status: 'unavailable' }>;

/** The matches of `candidate` among `existing`, named (the domain's matches carry only ids), strongest first. */
export const possibleDuplicatesOf = (candidate: DuplicateCandidate, existing: readonly DuplicateCandidate[]): PossibleDuplicateDto[] =>
  findLikelyDuplicates(candidate, existing).map(({ customerId, strength, reasons, nameSimilarity }) => ({
    customerId,
    name: existing.find((other) => other.customerId === customerId)?.name ?? '',
    strength,
    reasons: [...reasons],
    nameSimilarity,
  }));

/**
 * Duplicate detection before a registration, over what the customer
 * directory (an optional port: the read side) offers. Without a directory, or
 * when it fails, the check is `unavailable`: registering must not depend on
 * the read side being up, so the caller decides what that means.
 */
@Injectable()
export class CustomerDuplicateCheck {
  private readonly logger = new Logger('CustomerDuplicateCheck');

  constructor(@Optional() @Inject(CUSTOMER_DIRECTORY) private readonly directory?: CustomerDirectory) {}

  async check(tenantId: string, candidate: DuplicateCandidate): Promise<DuplicateCheck> {
    if (this.directory === undefined) return { status: 'unavailable' };
    try {
      const { name, region, emails, phones } = candidate;
      const existing = await this.directory.duplicateCandidates(tenantId, { name, region, emails, phones });
      return { status: 'completed', duplicates: possibleDuplicatesOf(candidate, existing) };
    } catch (error) {
      this.logger.warn(`customer directory failed; duplicate check skipped: ${error instanceof Error ? error.message : String(error)}`);
      return { status: 'unavailable' };
    }
  }
}
