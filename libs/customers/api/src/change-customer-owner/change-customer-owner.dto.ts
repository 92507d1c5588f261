import { ApiProperty } from '@nestjs/swagger';
import { IsReference } from '@meridian/platform/nest';

export class ChangeCustomerOwnerDto {
  @ApiProperty({ example: 'rep-bo', description: 'User who owns the relationship from now on' })
  @IsReference()
  ownerId!: string;
}
