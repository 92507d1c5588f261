import type { ReadModelAccess } from '@meridian/platform/projections';
import type { CustomerActivityDocument } from '@meridian/read-models/customer-activity';
import type { CustomerListItem } from '@meridian/read-models/customer-list';

/** How the host reaches the customer read models: MongoDB generations in the services, memory in standalone mode. */
export type CustomerReadModels = Readonly<{
  customerList: ReadModelAccess<CustomerListItem>;
  customerActivity: ReadModelAccess<CustomerActivityDocument>;
  /** Upper bound of a read-your-writes wait before answering 503. */
  maxWaitMs: number;
}>;

export const CUSTOMER_READ_MODELS = Symbol('CustomerReadModels');
