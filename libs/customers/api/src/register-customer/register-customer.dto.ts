import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsOmittable, IsReference, IsText } from '@meridian/platform/nest';
import type { CustomerKind } from '@meridian/customers/domain';
import { customerKinds } from '@meridian/customers/domain';
import { ProfileFieldsDto, emailsProperty, phonesProperty } from '../shared/profile-fields.dto';
import { IsEmailList, IsPhoneList } from '../shared/validators';

export class RegisterCustomerDto extends ProfileFieldsDto {
  @ApiProperty({ enum: customerKinds, description: 'Likely duplicates by name are only looked for between companies' })
  @IsIn(customerKinds)
  kind!: CustomerKind;

  @ApiProperty({ example: 'webinar', maxLength: 100, description: 'Where the customer came from' })
  @IsText(100)
  sourceChannel!: string;

  @ApiProperty({ example: 'rep-ana', description: 'User who owns the relationship' })
  @IsReference()
  ownerId!: string;

  @ApiPropertyOptional({ ...emailsProperty, default: [] })
  @IsOmittable()
  @IsEmailList()
  emails?: string[];

  @ApiPropertyOptional({ ...phonesProperty, default: [] })
  @IsOmittable()
  @IsPhoneList()
  phones?: string[];
}

export const duplicatePolicies = ['warn', 'reject'] as const;
export type DuplicatePolicy = (typeof duplicatePolicies)[number];

export class RegisterCustomerQueryDto {
  @ApiPropertyOptional({
    enum: duplicatePolicies,
    default: 'warn',
    description: '`warn`: register and list possible duplicates. `reject`: refuse with 409 `likely-duplicate` when a customer shares an email or phone',
  })
  @IsOmittable()
  @IsIn(duplicatePolicies)
  onDuplicate?: DuplicatePolicy;
}
