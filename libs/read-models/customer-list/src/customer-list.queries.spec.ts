import { createMemoryReadModelStorage } from '@meridian/platform/projections';
import type { CustomerListItem } from './customer-list.model';
import { customerListQueriesContract } from './testing/customer-list-queries.contract';

customerListQueriesContract('memory', async () => createMemoryReadModelStorage<CustomerListItem>());
