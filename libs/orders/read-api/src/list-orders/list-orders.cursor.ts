import type { PageCursorScope } from '@meridian/platform/nest';
import type { OrderListQuery } from '@meridian/read-models/order-list';
import { defaultOrderListSort } from '@meridian/read-models/order-list';

/** What an order-list cursor is bound to: the sort (defaults applied) and every filter, the tenant's included. */
export const orderListCursorScope = (query: OrderListQuery): PageCursorScope => {
  const by = query.sortBy ?? defaultOrderListSort.by;
  return {
    sort: { by, direction: query.direction ?? defaultOrderListSort.direction },
    keyTypes: [by === 'total' ? 'number' : 'string', 'string'],
    filter: {
      tenantId: query.tenantId,
      customerId: query.customerId,
      status: query.status,
      opportunityId: query.opportunityId,
      placedFrom: query.placedFrom,
      placedTo: query.placedTo,
    },
  };
};
