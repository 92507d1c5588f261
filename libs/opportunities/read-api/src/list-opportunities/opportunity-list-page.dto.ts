import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { OpportunityListItem, OpportunityListPage } from '@meridian/read-models/opportunity-list';
import type { PageCursorScope } from '@meridian/platform/nest';
import { nextCursorDescription, nextPageCursor } from '@meridian/platform/nest';
import { MoneyView } from '../shared/money.view';

export class OpportunityListItemView {
  @ApiProperty({ format: 'uuid' }) opportunityId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() customerId!: string;
  @ApiProperty() ownerId!: string;
  @ApiProperty({ enum: ['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'] }) stage!: string;
  @ApiProperty({ type: MoneyView, description: 'Current amount; the final amount once won' }) amount!: MoneyView;
  @ApiProperty({ format: 'date' }) expectedCloseDate!: string;
  @ApiProperty() region!: string;
  @ApiProperty() productLine!: string;
  @ApiProperty() sourceChannel!: string;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) closedAt!: string | null;
  @ApiProperty({ description: 'Archived deals are listed only with archived=include or only' }) archived!: boolean;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String, description: 'Null unless archived' }) archivedAt!: string | null;
  @ApiProperty({ description: 'Stream revision this row reflects (compare with the ETag of GET /opportunities/{id})' }) revision!: number;
}

export class OpportunityListPageView {
  @ApiProperty({ type: [OpportunityListItemView] }) items!: OpportunityListItemView[];
  @ApiProperty() limit!: number;
  @ApiProperty({ description: 'The offset asked for (0 when paging by cursor)' }) offset!: number;
  @ApiProperty({ description: 'True when another page follows' }) hasMore!: boolean;
  @ApiProperty({ type: String, nullable: true, description: nextCursorDescription }) nextCursor!: string | null;
}

export const toOpportunityListItemView = (item: OpportunityListItem): OpportunityListItemView => ({
  opportunityId: item.opportunityId, name: item.name, customerId: item.customerId, ownerId: item.ownerId, stage: item.stage,
  amount: { amount: item.amount, currency: item.currency }, expectedCloseDate: item.expectedCloseDate, region: item.region,
  productLine: item.productLine, sourceChannel: item.sourceChannel, openedAt: item.openedAt, closedAt: item.closedAt,
  archived: item.visibility === 'archived', archivedAt: item.archivedAt ?? null, revision: item.streamRevision,
});

export const toOpportunityListPageView = (page: OpportunityListPage, cursorScope: PageCursorScope): OpportunityListPageView => ({
  items: page.items.map(toOpportunityListItemView),
  limit: page.limit,
  offset: page.offset,
  hasMore: page.hasMore,
  nextCursor: nextPageCursor(cursorScope, page.nextAfter),
});
