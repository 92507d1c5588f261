import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { OpenStage } from '@meridian/opportunities/domain';
import { openStages } from '@meridian/opportunities/domain';
import { IsOmittable, IsText } from '../shared/validators';

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
