import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsOmittable, IsText } from '@meridian/platform/nest';
import type { OpenStage } from '@meridian/opportunities/domain';
import { openStages } from '@meridian/opportunities/domain';

export class ReopenOpportunityDto {
  @ApiPropertyOptional({ enum: openStages, description: 'Defaults to the stage the deal was closed from' })
  @IsOmittable()
  @IsIn(openStages as readonly string[] as string[])
  toStage?: OpenStage;

  @ApiPropertyOptional({ example: 'Customer came back after budget approval', maxLength: 500 })
  @IsOmittable()
  @IsText(500)
  reason?: string;
}
