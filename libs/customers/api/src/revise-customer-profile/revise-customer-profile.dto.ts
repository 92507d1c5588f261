import { ApiProperty } from '@nestjs/swagger';
import { ProfileFieldsDto, emailsProperty, phonesProperty } from '../shared/profile-fields.dto';
import { IsEmailList, IsPhoneList } from '../shared/validators';

/** The whole new profile: emails and phones are required, since leaving them out would read as "none". */
export class ReviseCustomerProfileDto extends ProfileFieldsDto {
  @ApiProperty(emailsProperty)
  @IsEmailList()
  emails!: string[];

  @ApiProperty(phonesProperty)
  @IsPhoneList()
  phones!: string[];
}
