import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable, IsText } from '@meridian/platform/nest';

export class ArchiveCustomerDto {
  @ApiPropertyOptional({ example: 'No orders for two years; the company was sold', maxLength: 500 })
  @IsOmittable()
  @IsText(500)
  reason?: string;
}
