import type { ReadModelDefinition } from '@meridian/platform/projections';
import { ordersTopic } from '@meridian/orders/contracts';
import type { OrderListItem } from './order-list.projection';
import { orderListProjection } from './order-list.projection';
import { ensureOrderListIndexes } from './order-list.queries';

/** The order list as the runtime hosts it: fed by `crm.orders`. */
export const orderListDefinition: ReadModelDefinition<OrderListItem> = {
  projection: orderListProjection,
  topics: [ordersTopic],
  ensureIndexes: ensureOrderListIndexes,
};
