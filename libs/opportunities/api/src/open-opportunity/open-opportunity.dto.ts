import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsReference, IsText } from '@meridian/platform/nest';
import { MoneyDto } from '../shared/money.dto';

export class OpenOpportunityDto {
  @ApiProperty({ example: 'cus-48151623', description: 'Customer (account) the deal is with' })
  @IsReference()
  customerId!: string;

  @ApiProperty({ example: 'ACME: 200 seats, annual plan', maxLength: 200 })
  @IsText(200)
  name!: string;

  @ApiProperty({ example: 'rep-ada', description: 'Owning sales rep' })
  @IsReference()
  ownerId!: string;

  @ApiProperty({ type: MoneyDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount!: MoneyDto;

  @ApiProperty({ example: '2026-12-15', format: 'date' })
  @IsCalendarDate()
  expectedCloseDate!: string;

  @ApiProperty({ example: 'webinar', maxLength: 64, description: 'Marketing channel the deal came from' })
  @IsText(64)
  sourceChannel!: string;

  @ApiProperty({ example: 'analytics-suite', maxLength: 64 })
  @IsText(64)
  productLine!: string;

  @ApiProperty({ example: 'emea', maxLength: 64 })
  @IsText(64)
  region!: string;
}
