import { AggregateNotFound } from '@meridian/platform/eventsourcing';
import type { CustomerListItem } from '@meridian/read-models/customer-list';
import { customerLineage, customerListIdOf, getCustomer } from '@meridian/read-models/customer-list';
import type { CustomerReadModels } from './customer-read-models';
import { fromCustomerList } from './customer-reads';

export type ResolvedCustomer =
  | Readonly<{ status: 'active'; item: CustomerListItem; lineage: readonly string[] }>
  | Readonly<{ status: 'merged'; survivorId: string }>;

/**
 * A customer's row and lineage (itself first, then everyone merged into it,
 * at any depth), or the survivor it was merged into. Unknown to the tenant
 * is a 404: the list is the authority on which customers exist for the read side.
 */
export const resolveCustomer = (
  readModels: CustomerReadModels,
  tenantId: string,
  customerId: string,
  minPosition: number | undefined,
): Promise<ResolvedCustomer> =>
  fromCustomerList(readModels, minPosition, async (documents) => {
    const item = await getCustomer(documents, tenantId, customerId);
    if (item === null) throw new AggregateNotFound(customerListIdOf(customerId));
    if (item.mergedInto !== null) return { status: 'merged', survivorId: item.mergedInto };
    return { status: 'active', item, lineage: await customerLineage(documents, tenantId, customerId) };
  });
