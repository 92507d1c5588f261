import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '../shared/validators';

export class RescheduleOpportunityCloseDto {
  @ApiProperty({ example: '2027-01-31', format: 'date' })
  @IsCalendarDate()
  expectedCloseDate!: string;
}
