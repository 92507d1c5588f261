import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsText } from '@meridian/platform/nest';
import type { IntentLevel } from '@meridian/customers/domain';
import { intentLevels } from '@meridian/customers/domain';

export class SetIntentLevelDto {
  @ApiProperty({ enum: intentLevels })
  @IsIn(intentLevels)
  level!: IntentLevel;

  @ApiProperty({ example: 'Asked for a quote for 200 seats', maxLength: 500 })
  @IsText(500)
  reason!: string;
}
