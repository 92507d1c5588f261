export type { OrderListItem, OrderListStatus } from './order-list.projection';
export { UnknownOrderEvent, evolveOrderListItem, orderListProjection, orderListReadModel, orderListStatuses } from './order-list.projection';
export type { OrderListPage, OrderListQuery, OrderListSortField } from './order-list.queries';
export { defaultOrderListSort, defaultPageSize, ensureOrderListIndexes, listOrders, maxPageSize, orderListSortFields } from './order-list.queries';
export { orderListDefinition } from './order-list.runtime';
