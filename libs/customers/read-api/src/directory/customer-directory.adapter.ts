import { awaitReadModelPosition } from '@meridian/platform/nest';
import type { CustomerDirectory } from '@meridian/customers/api';
import type { DuplicateCandidate } from '@meridian/customers/domain';
import type { CustomerListItem } from '@meridian/read-models/customer-list';
import { customerListReadModel, findByEmailsOrPhones, findByNamePrefix, maxPageSize, nameKeyOf } from '@meridian/read-models/customer-list';
import type { CustomerReadModels } from '../shared/customer-read-models';

/**
 * How many leading letters of the folded name pick similar-name candidates.
 * Jaro–Winkler weighs the first characters most, so names that score ≥ 0.85
 * almost always share them; three keep the net small in a large region.
 */
export const namePrefixLength = 3;

const unique = (values: readonly string[]): string[] => [...new Set(values)];

/**
 * A row as duplicate detection sees it. The customer's contacts' emails and
 * phones count as the customer's: the lookup found it through them, and a
 * shared contact point is what makes a strong duplicate.
 */
export const toDuplicateCandidate = (item: CustomerListItem): DuplicateCandidate => ({
  customerId: item.customerId,
  kind: item.kind,
  name: item.name,
  region: item.region,
  emails: unique([...item.emails, ...item.contacts.flatMap((contact) => contact.emails)]),
  phones: unique([...item.phones, ...item.contacts.flatMap((contact) => contact.phones)]),
});

/**
 * The customers API's directory port over the customer list: whoever shares a
 * normalised email or phone, and whoever in the same region has a name
 * starting like the probe's. The domain judges them (findLikelyDuplicates);
 * this only fetches. Archived customers are candidates too: a newcomer that
 * matches one should lead to restoring it, not to a second record (the
 * registration and the CSV import both ask here). Eventually consistent: a customer registered a moment ago
 * may be missing unless the caller first waits with `caughtUpWith`.
 */
export const customerDirectoryOver = (readModels: Pick<CustomerReadModels, 'customerList' | 'maxWaitMs'>): CustomerDirectory => ({
  caughtUpWith: (position) => awaitReadModelPosition(customerListReadModel, readModels.customerList, position, readModels.maxWaitMs),
  duplicateCandidates: async (tenantId, probe) => {
    const { documents } = await readModels.customerList.storage();
    const prefix = nameKeyOf(probe.name).slice(0, namePrefixLength);
    const [byContact, byName] = await Promise.all([
      findByEmailsOrPhones(documents, tenantId, probe.emails, probe.phones, { includeArchived: true, limit: maxPageSize }),
      findByNamePrefix(documents, tenantId, probe.region, prefix, { includeArchived: true, limit: maxPageSize }),
    ]);
    const byCustomer = new Map([...byContact, ...byName].map((item) => [item.customerId, item]));
    return [...byCustomer.values()].map(toDuplicateCandidate);
  },
});
