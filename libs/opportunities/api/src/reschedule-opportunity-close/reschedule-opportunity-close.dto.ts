import { IsCalendarDate } from '@meridian/platform/nest';
import { ApiProperty } from '@nestjs/swagger';

export class RescheduleOpportunityCloseDto {
  @ApiProperty({ example: '2027-01-31', format: 'date' })
  @IsCalendarDate()
  expectedCloseDate!: string;
}
