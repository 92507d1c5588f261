import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn } from 'class-validator';
import { IsText } from '@meridian/platform/nest';
import type { ConsentPurpose } from '@meridian/customers/domain';
import { consentPurposes } from '@meridian/customers/domain';

export class RecordConsentDto {
  @ApiProperty({ enum: consentPurposes })
  @IsIn(consentPurposes)
  purpose!: ConsentPurpose;

  @ApiProperty({ description: 'Given (true) or withdrawn (false)' })
  @IsBoolean()
  granted!: boolean;

  @ApiProperty({ example: 'web-form:newsletter-signup', maxLength: 200, description: 'Where the statement was made, for the record' })
  @IsText(200)
  source!: string;
}
