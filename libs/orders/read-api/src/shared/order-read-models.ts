import type { ReadModelAccess } from '@meridian/platform/projections';
import type { OrderListItem } from '@meridian/read-models/order-list';

/** How the host reaches the read models: MongoDB generations in the services, the host's read store in standalone mode. */
export type OrderReadModels = Readonly<{
  orderList: ReadModelAccess<OrderListItem>;
  /** Upper bound of a read-your-writes wait before answering 503. */
  maxWaitMs: number;
}>;

export const ORDER_READ_MODELS = Symbol('OrderReadModels');
