import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable, IsReference } from '@meridian/platform/nest';
import { ContactFieldsDto, emailsProperty, phonesProperty } from '../shared/profile-fields.dto';
import { IsEmailList, IsPhoneList } from '../shared/validators';

export class AddContactDto extends ContactFieldsDto {
  @ApiPropertyOptional({ example: 'jane-doe', description: 'Unique within the customer; derived from Idempotency-Key, else random, when left out' })
  @IsOmittable()
  @IsReference()
  contactId?: string;

  @ApiPropertyOptional({ ...emailsProperty, default: [] })
  @IsOmittable()
  @IsEmailList()
  emails?: string[];

  @ApiPropertyOptional({ ...phonesProperty, default: [] })
  @IsOmittable()
  @IsPhoneList()
  phones?: string[];
}

export class ContactAcceptedDto {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty() contactId!: string;
  @ApiProperty({ example: 3 }) revision!: number;
  @ApiProperty({ example: 1042 }) position!: number;
  @ApiProperty() replayed!: boolean;
}
