import { ApiProperty } from '@nestjs/swagger';
import { IsReference } from '../shared/validators';

export class ReassignOpportunityOwnerDto {
  @ApiProperty({ example: 'rep-grace', description: 'The sales rep who owns the deal from now on' })
  @IsReference()
  newOwnerId!: string;
}
