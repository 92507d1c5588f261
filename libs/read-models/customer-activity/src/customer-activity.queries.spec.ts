import { createMemoryReadModelStorage } from '@meridian/platform/projections';
import type { CustomerActivityDocument } from './customer-activity.model';
import { customerActivityQueriesContract } from './testing/customer-activity-queries.contract';

customerActivityQueriesContract('memory', async () => createMemoryReadModelStorage<CustomerActivityDocument>());
