import type { ReadModelDefinition } from '@meridian/platform/projections';
import { customersTopic } from '@meridian/customers/contracts';
import { opportunitiesTopic } from '@meridian/opportunities/contracts';
import { ordersTopic } from '@meridian/orders/contracts';
import type { CustomerActivityDocument } from './customer-activity.model';
import { customerActivityProjection } from './customer-activity.projection';
import { ensureCustomerActivityIndexes } from './customer-activity.queries';

/**
 * Customer activity as the runtime hosts it: fed by three topics. Each
 * document belongs to one stream, and a stream's events stay in order on
 * its partition, so the revision guard holds across topics too.
 */
export const customerActivityDefinition: ReadModelDefinition<CustomerActivityDocument> = {
  projection: customerActivityProjection,
  topics: [customersTopic, opportunitiesTopic, ordersTopic],
  ensureIndexes: ensureCustomerActivityIndexes,
};
