import type { ReadModelDefinition } from '@meridian/platform/projections';
import { customersTopic } from '@meridian/customers/contracts';
import type { CustomerListItem } from './customer-list.model';
import { customerListProjection } from './customer-list.projection';
import { ensureCustomerListIndexes } from './customer-list.queries';

/** The customer list as the runtime hosts it: fed by `crm.customers` (customer streams only). */
export const customerListDefinition: ReadModelDefinition<CustomerListItem> = {
  projection: customerListProjection,
  topics: [customersTopic],
  ensureIndexes: ensureCustomerListIndexes,
};
