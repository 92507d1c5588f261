import { ApiProperty } from '@nestjs/swagger';
import { IsReference } from '@meridian/platform/nest';

export class ReassignOpportunityOwnerDto {
  @ApiProperty({ example: 'rep-grace', description: 'The sales rep who owns the deal from now on' })
  @IsReference()
  newOwnerId!: string;
}
