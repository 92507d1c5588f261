import type { MongoReadSideSettings } from '@meridian/platform/nest';
import { openMongoReadSide } from '@meridian/platform/nest';
import { customerActivityDefinition } from '@meridian/read-models/customer-activity';
import { customerListDefinition } from '@meridian/read-models/customer-list';
import type { CustomerReadModels } from '../shared/customer-read-models';

export type MongoCustomerReadModels = Readonly<{ readModels: CustomerReadModels; close: () => Promise<void> }>;

/**
 * Services: the customer list's and customer activity's active generations in
 * MongoDB, kept by the projections process. Connected on first query (a
 * service takes commands without MongoDB), behind one breaker (an outage is a
 * 503 at once), with the relay's progress for read-your-writes.
 */
export const openMongoCustomerReadModels = (settings: MongoReadSideSettings & Readonly<{ maxWaitMs: number }>): MongoCustomerReadModels => {
  const side = openMongoReadSide(settings);
  return {
    readModels: {
      customerList: side.access(customerListDefinition),
      customerActivity: side.access(customerActivityDefinition),
      maxWaitMs: settings.maxWaitMs,
    },
    close: side.close,
  };
};
