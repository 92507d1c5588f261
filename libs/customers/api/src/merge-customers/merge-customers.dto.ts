import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsOmittable, IsText } from '@meridian/platform/nest';

export class MergeCustomersDto {
  @ApiProperty({ format: 'uuid', description: 'The customer absorbed into the one in the path; its id then redirects there' })
  @IsUUID('all')
  mergedCustomerId!: string;

  @ApiPropertyOptional({ example: 'Same company registered twice at the trade fair', maxLength: 500 })
  @IsOmittable()
  @IsText(500)
  reason?: string;
}
