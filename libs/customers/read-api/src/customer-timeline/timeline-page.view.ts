import { ApiProperty } from '@nestjs/swagger';
import type { TimelinePage } from '@meridian/read-models/customer-activity';

export class TimelineItemView {
  @ApiProperty({ format: 'date-time', description: 'Business time of the fact, UTC' }) at!: string;
  @ApiProperty({ example: 'PaymentReceived', description: 'Event type, without version' }) type!: string;
  @ApiProperty({ example: 'Payment of 250.00 EUR by card' }) summary!: string;
  @ApiProperty({ enum: ['customer', 'opportunity', 'order'], description: 'The record it belongs to' }) kind!: string;
  @ApiProperty({ format: 'uuid', description: 'The customer of the lineage it belongs to (an absorbed one included)' }) customerId!: string;
  @ApiProperty({ example: 'order-5f0c…' }) sourceStreamId!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty({ description: 'Global position of the event' }) position!: number;
}

export class TimelinePageView {
  @ApiProperty({ type: [TimelineItemView], description: 'Newest first' }) items!: TimelineItemView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `before` for the next (older) page; null on the last page' }) next!: string | null;
  @ApiProperty({
    description: 'Older entries no longer kept: each record (customer, deal, order) keeps its last 200 timeline entries. 0 = the timeline is complete.',
  })
  truncatedEntries!: number;
}

export const toTimelinePageView = (page: TimelinePage): TimelinePageView => ({
  items: page.items.map(({ at, type, summary, kind, customerId, sourceStreamId, eventId, position }) => ({
    at, type, summary, kind, customerId, sourceStreamId, eventId, position,
  })),
  next: page.next,
  truncatedEntries: page.truncatedEntries,
});
