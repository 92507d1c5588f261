import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray } from 'class-validator';
import { IsReference } from '@meridian/platform/nest';

export const maxGroupsPerCustomer = 50;

export class AssignCustomerGroupsDto {
  @ApiProperty({ type: [String], maxItems: maxGroupsPerCustomer, example: ['key-accounts', 'dach-partners'], description: 'The whole new set of group ids' })
  @IsArray()
  @ArrayMaxSize(maxGroupsPerCustomer)
  @IsReference({ each: true })
  groups!: string[];
}
