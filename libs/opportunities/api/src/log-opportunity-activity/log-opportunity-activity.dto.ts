import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsCalendarDate, IsInstant, IsOmittable, IsText } from '@meridian/platform/nest';
import type { ActivityKind } from '@meridian/opportunities/domain';
import { activityKinds } from '@meridian/opportunities/domain';

export class LogOpportunityActivityDto {
  @ApiProperty({ enum: activityKinds, example: 'call' })
  @IsIn(activityKinds as readonly string[] as string[])
  kind!: ActivityKind;

  @ApiPropertyOptional({ example: '2026-11-20T14:30:00Z', format: 'date-time', description: 'When it happened; defaults to now' })
  @IsOmittable()
  @IsInstant()
  occurredAt?: string;

  @ApiProperty({ example: 'Discovery call with the CFO', maxLength: 200 })
  @IsText(200)
  subject!: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOmittable()
  @IsText(4000)
  notes?: string;

  @ApiPropertyOptional({ example: '2026-11-27', format: 'date', description: 'Date of the next follow-up' })
  @IsOmittable()
  @IsCalendarDate()
  nextFollowUpOn?: string;
}
