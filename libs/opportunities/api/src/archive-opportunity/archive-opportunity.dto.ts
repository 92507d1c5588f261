import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable, IsText } from '@meridian/platform/nest';

export class ArchiveOpportunityDto {
  @ApiPropertyOptional({ example: 'Duplicate of the renewal deal', maxLength: 500 })
  @IsOmittable()
  @IsText(500)
  reason?: string;
}
