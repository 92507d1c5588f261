import { ApiProperty } from '@nestjs/swagger';
import type { CustomerListItem, CustomerListPage } from '@meridian/read-models/customer-list';
import { customerSegments } from '@meridian/read-models/customer-list';
import type { PageCursorScope } from '@meridian/platform/nest';
import { nextCursorDescription, nextPageCursor } from '@meridian/platform/nest';
import { CustomerMoneyView } from '../shared/money.view';

/** One row of the list: what a list screen shows; the 360 view has the rest. */
export class CustomerListItemView {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ enum: ['company', 'person'] }) kind!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) industry!: string | null;
  @ApiProperty() region!: string;
  @ApiProperty() ownerId!: string;
  @ApiProperty({ type: [String], description: 'Normalised' }) emails!: string[];
  @ApiProperty({ type: [String], description: 'Normalised' }) phones!: string[];
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ type: [String] }) groups!: string[];
  @ApiProperty({ enum: ['hot', 'warm', 'cold'], nullable: true, type: String }) intent!: string | null;
  @ApiProperty({ enum: customerSegments }) segment!: string;
  @ApiProperty({ description: 'Purchases in the segment window' }) purchaseCount!: number;
  @ApiProperty({ type: CustomerMoneyView, nullable: true }) averageOrderValue!: CustomerMoneyView | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastInteractionAt!: string | null;
  @ApiProperty({ enum: ['active', 'merged', 'archived'] }) status!: string;
  @ApiProperty({ description: 'Archived (listed only with archived=include or only)' }) archived!: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'While archived: when' }) archivedAt!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The survivor, once merged away' }) mergedInto!: string | null;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
  @ApiProperty({ description: 'Stream revision this row reflects (compare with the ETag of GET /customers/{id})' }) revision!: number;
}

export class CustomerListPageView {
  @ApiProperty({ type: [CustomerListItemView] }) items!: CustomerListItemView[];
  @ApiProperty() limit!: number;
  @ApiProperty({ description: 'The offset asked for (0 when paging by cursor)' }) offset!: number;
  @ApiProperty({ description: 'True when another page follows' }) hasMore!: boolean;
  @ApiProperty({ type: String, nullable: true, description: nextCursorDescription }) nextCursor!: string | null;
}

export const toCustomerListItemView = (item: CustomerListItem): CustomerListItemView => ({
  customerId: item.customerId, kind: item.kind, name: item.name, industry: item.industry, region: item.region, ownerId: item.ownerId,
  emails: [...item.emails], phones: [...item.phones], tags: [...item.tags], groups: [...item.groups], intent: item.intentLevel,
  segment: item.segment, purchaseCount: item.purchaseCount, averageOrderValue: item.averageOrderValue === null ? null : { ...item.averageOrderValue },
  lastInteractionAt: item.lastInteractionAt, status: item.status,
  archived: item.status === 'archived', archivedAt: item.archivedAt ?? null, mergedInto: item.mergedInto, registeredAt: item.registeredAt, revision: item.streamRevision,
});

/** `cursorScope`: what the page's query binds its `nextCursor` to (see customer-list.cursor.ts). */
export const toCustomerListPageView = (page: CustomerListPage, cursorScope: PageCursorScope): CustomerListPageView => ({
  items: page.items.map(toCustomerListItemView),
  limit: page.limit,
  offset: page.offset,
  hasMore: page.hasMore,
  nextCursor: nextPageCursor(cursorScope, page.nextAfter),
});
