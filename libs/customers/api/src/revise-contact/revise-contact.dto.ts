import { ApiProperty } from '@nestjs/swagger';
import { ContactFieldsDto, emailsProperty, phonesProperty } from '../shared/profile-fields.dto';
import { IsEmailList, IsPhoneList } from '../shared/validators';

/** The whole contact: emails and phones are required, since leaving them out would read as "none". */
export class ReviseContactDto extends ContactFieldsDto {
  @ApiProperty(emailsProperty)
  @IsEmailList()
  emails!: string[];

  @ApiProperty(phonesProperty)
  @IsPhoneList()
  phones!: string[];
}
