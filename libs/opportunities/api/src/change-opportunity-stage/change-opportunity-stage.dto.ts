import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, ValidateIf, ValidateNested } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsOmittable, IsText } from '@meridian/platform/nest';
import type { Stage } from '@meridian/opportunities/domain';
import { stages } from '@meridian/opportunities/domain';
import { MoneyDto } from '../shared/money.dto';

// The rule `lostReason` states with ValidateIf, as the document can say it: a move to lost carries a reason.
@JSONSchema({ anyOf: [{ properties: { toStage: { not: { enum: ['lost'] } } } }, { required: ['lostReason'] }] })
export class ChangeOpportunityStageDto {
  @ApiProperty({ enum: stages, example: 'qualified' })
  @IsIn(stages as Stage[])
  toStage!: Stage;

  @ApiPropertyOptional({ example: 'Chose a competitor on price', maxLength: 500, description: 'Required when toStage is lost' })
  @ValidateIf((dto: ChangeOpportunityStageDto) => dto.toStage === 'lost' || dto.lostReason !== undefined)
  @IsText(500)
  lostReason?: string;

  @ApiPropertyOptional({ type: MoneyDto, description: 'Only with toStage won; defaults to the current amount' })
  @IsOmittable()
  @ValidateNested()
  @Type(() => MoneyDto)
  finalAmount?: MoneyDto;
}
