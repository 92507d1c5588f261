import { createMemoryReadModelStorage } from '@meridian/platform/projections';
import type { OrderListItem } from './order-list.projection';
import { orderListQueriesContract } from './testing/order-list-queries.contract';

orderListQueriesContract('memory', async () => createMemoryReadModelStorage<OrderListItem>());
