import type { ApiPropertyOptions } from '@nestjs/swagger';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsOmittable, IsText } from '@meridian/platform/nest';
import type { CompanySize } from '@meridian/customers/domain';
import { companySizes, defaultCountryCallingCode } from '@meridian/customers/domain';
import { IsCountryCallingCode, maxContactPoints } from './validators';

// Fields shared by the requests that carry a profile or a contact. Emails and
// phones are declared by each request: required where the request replaces
// the whole set (PUT), optional where it creates (POST).

export const countryCodeProperty = {
  example: '+44',
  pattern: '^\\+[1-9][0-9]{0,2}$',
  description: `Country calling code for phones written without one; defaults to ${defaultCountryCallingCode}`,
};

export const emailsProperty: ApiPropertyOptions = { type: [String], maxItems: maxContactPoints, example: [' Sales@ACME.example ', 'j.doe+crm@gmail.com'], description: 'Normalised when recorded: trimmed, lower-cased; Gmail without dots and +tag' };
export const phonesProperty: ApiPropertyOptions = { type: [String], maxItems: maxContactPoints, example: ['(555) 010-4477'], description: 'Normalised when recorded: digits with a leading +, the default country code when none is given' };

export class ProfileFieldsDto {
  @ApiProperty({ example: 'ACME Analytics GmbH', maxLength: 200 })
  @IsText(200)
  name!: string;

  @ApiPropertyOptional({ example: 'software', maxLength: 100 })
  @IsOmittable()
  @IsText(100)
  industry?: string;

  @ApiProperty({ example: 'dach', maxLength: 100, description: 'Sales region; likely duplicates are looked for within it' })
  @IsText(100)
  region!: string;

  @ApiPropertyOptional({ enum: companySizes, description: 'Head-count band of a company' })
  @IsOmittable()
  @IsIn(companySizes)
  size?: CompanySize;

  @ApiPropertyOptional(countryCodeProperty)
  @IsOmittable()
  @IsCountryCallingCode()
  defaultCountryCode?: string;
}

export class ContactFieldsDto {
  @ApiProperty({ example: 'Jane Doe', maxLength: 200 })
  @IsText(200)
  name!: string;

  @ApiPropertyOptional({ example: 'CFO', maxLength: 200 })
  @IsOmittable()
  @IsText(200)
  title?: string;

  @ApiPropertyOptional(countryCodeProperty)
  @IsOmittable()
  @IsCountryCallingCode()
  defaultCountryCode?: string;
}
