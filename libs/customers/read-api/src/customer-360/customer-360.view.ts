import { ApiProperty } from '@nestjs/swagger';
import { TimelinePageView } from '../customer-timeline/timeline-page.view';
import { CustomerMoneyView } from '../shared/money.view';
import { InteractionView, OpenOpportunityView, OrderWithPaymentsView } from './customer-dealings.view';
import { Customer360ConsentView, Customer360ContactView, CustomerProfileView, Customer360IntentView, Customer360LineageView, SegmentFiguresView } from './customer-profile.view';

/** Everything about one customer and the customers merged into it, in one answer. */
export class Customer360View {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ type: CustomerProfileView }) profile!: CustomerProfileView;
  @ApiProperty({ type: [Customer360ContactView] }) contacts!: Customer360ContactView[];
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ type: [String] }) groups!: string[];
  @ApiProperty() ownerId!: string;
  @ApiProperty({ type: Customer360IntentView, nullable: true }) intent!: Customer360IntentView | null;
  @ApiProperty({ type: [Customer360ConsentView], description: 'One per purpose ever recorded, by purpose' }) consents!: Customer360ConsentView[];
  @ApiProperty({ type: SegmentFiguresView, description: 'Kept while archived, though an archived customer is in no segment list or count' })
  segment!: SegmentFiguresView;
  @ApiProperty({ description: 'Archived: out of lists and segment counts, refusing day-to-day commands until restored' }) archived!: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'While archived: when (the timeline has why)' }) archivedAt!: string | null;
  @ApiProperty({ type: Customer360LineageView }) lineage!: Customer360LineageView;
  @ApiProperty({ type: [OpenOpportunityView], description: 'Soonest expected close first' }) openOpportunities!: OpenOpportunityView[];
  @ApiProperty({ type: [OrderWithPaymentsView], description: 'Newest first' }) orders!: OrderWithPaymentsView[];
  @ApiProperty({ type: [CustomerMoneyView], description: 'Paid minus refunded over every order, per currency (never converted)' })
  lifetimeRevenue!: CustomerMoneyView[];
  @ApiProperty({ type: InteractionView, nullable: true, description: 'The one that occurred last across the lineage' })
  lastInteraction!: InteractionView | null;
  @ApiProperty({ type: TimelinePageView, description: 'The newest entries; continue with GET /customers/{id}/timeline?before=<next>' })
  timeline!: TimelinePageView;
  @ApiProperty({ description: 'Stream revision of the customer this view reflects' }) revision!: number;
}
