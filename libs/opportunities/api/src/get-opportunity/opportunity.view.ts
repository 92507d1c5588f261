import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { OpportunityDetails } from '@meridian/opportunities/domain';
import { activityKinds, openStages, stages } from '@meridian/opportunities/domain';
import { MoneyDto } from '../shared/money.dto';

export class ActivityView {
  @ApiProperty({ format: 'uuid' }) activityId!: string;
  @ApiProperty({ enum: activityKinds }) kind!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty() subject!: string;
  @ApiPropertyOptional() notes?: string;
  @ApiPropertyOptional({ format: 'date' }) nextFollowUpOn?: string;
}

/** The opportunity as its own stream says right now (strongly consistent). */
export class OpportunityView {
  @ApiProperty({ format: 'uuid' }) opportunityId!: string;
  @ApiProperty() customerId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() ownerId!: string;
  @ApiProperty({ type: MoneyDto }) amount!: MoneyDto;
  @ApiProperty({ format: 'date' }) expectedCloseDate!: string;
  @ApiProperty() sourceChannel!: string;
  @ApiProperty() productLine!: string;
  @ApiProperty() region!: string;
  @ApiProperty({ enum: stages }) stage!: string;
  @ApiProperty({ format: 'date-time' }) stageEnteredAt!: string;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiPropertyOptional({ enum: openStages }) closedFromStage?: string;
  @ApiPropertyOptional({ format: 'date-time' }) closedAt?: string;
  @ApiPropertyOptional() lostReason?: string;
  @ApiPropertyOptional({ type: MoneyDto }) finalAmount?: MoneyDto;
  @ApiProperty({ type: [ActivityView], description: 'In the order they were logged; GET …/activities lists them newest first, paged' })
  activities!: ActivityView[];
  @ApiProperty({ description: 'Archived: out of the lists and the funnel, every command but restore refused (409 opportunity-archived)' })
  archived!: boolean;
  @ApiPropertyOptional({ format: 'date-time', description: 'Only while archived' }) archivedAt?: string;
  @ApiPropertyOptional({ description: 'Only while archived, when a reason was given' }) archiveReason?: string;
  @ApiProperty({ description: 'Stream revision; also the ETag' }) revision!: number;
}

export const toOpportunityView = (details: OpportunityDetails, revision: number): OpportunityView => ({
  ...details,
  activities: details.activities.map((activity) => ({ ...activity })),
  archived: details.archivedAt !== undefined,
  revision,
});
