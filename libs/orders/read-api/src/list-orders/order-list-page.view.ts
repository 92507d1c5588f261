import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PageCursorScope } from '@meridian/platform/nest';
import { MoneyType, nextCursorDescription, nextPageCursor } from '@meridian/platform/nest';
import { maxMoneyAmount, orderStatuses } from '@meridian/orders/domain';
import type { OrderListItem, OrderListPage } from '@meridian/read-models/order-list';

export class OrderListMoneyView extends MoneyType({ example: 349.99, maximum: maxMoneyAmount }) {}

/** One order as the list shows it: the figures of GET /orders/{orderId}, without lines, payments and refunds. */
export class OrderListItemView {
  @ApiProperty({ format: 'uuid' }) orderId!: string;
  @ApiProperty() customerId!: string;
  @ApiPropertyOptional({ description: 'The deal the order closes, when it names one' }) opportunityId?: string;
  @ApiProperty({ enum: orderStatuses }) status!: string;
  @ApiProperty({ enum: ['placed', 'drafted'], description: 'Placed by a person, or drafted from a won opportunity' }) origin!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ type: OrderListMoneyView }) total!: OrderListMoneyView;
  @ApiProperty({ type: OrderListMoneyView, description: 'Every payment received, refunds not deducted' }) paid!: OrderListMoneyView;
  @ApiProperty({ type: OrderListMoneyView }) refunded!: OrderListMoneyView;
  @ApiProperty({ type: OrderListMoneyView, description: 'paid − refunded' }) netPaid!: OrderListMoneyView;
  @ApiProperty({ type: OrderListMoneyView, description: 'total − paid: refunds do not reopen the balance' }) outstanding!: OrderListMoneyView;
  @ApiProperty({ format: 'date-time', description: 'When it was placed or drafted (createdAt of GET /orders/{orderId}), in UTC' }) placedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When its last event happened, in UTC' }) updatedAt!: string;
  @ApiProperty({ description: 'Stream revision this row reflects (compare with the ETag of GET /orders/{orderId})' }) revision!: number;
  @ApiProperty({ description: 'Global position of the last event this row reflects (for X-Min-Position)' }) position!: number;
}

export class OrderListPageView {
  @ApiProperty({ type: [OrderListItemView] }) items!: OrderListItemView[];
  @ApiProperty() limit!: number;
  @ApiProperty({ description: 'The offset asked for (0 when paging by cursor)' }) offset!: number;
  @ApiProperty({ description: 'True when another page follows' }) hasMore!: boolean;
  @ApiProperty({ type: String, nullable: true, description: nextCursorDescription }) nextCursor!: string | null;
}

export const toOrderListItemView = (item: OrderListItem): OrderListItemView => {
  const money = (amount: number) => ({ amount, currency: item.currency });
  return {
    orderId: item.orderId,
    customerId: item.customerId,
    ...(item.opportunityId === null ? {} : { opportunityId: item.opportunityId }),
    status: item.status,
    origin: item.origin,
    currency: item.currency,
    total: money(item.total),
    paid: money(item.paid),
    refunded: money(item.refunded),
    netPaid: money(item.netPaid),
    outstanding: money(item.outstanding),
    placedAt: item.placedAt,
    updatedAt: item.updatedAt,
    revision: item.streamRevision,
    position: item.lastPosition,
  };
};

export const toOrderListPageView = (page: OrderListPage, cursorScope: PageCursorScope): OrderListPageView => ({
  items: page.items.map(toOrderListItemView),
  limit: page.limit,
  offset: page.offset,
  hasMore: page.hasMore,
  nextCursor: nextPageCursor(cursorScope, page.nextAfter),
});
