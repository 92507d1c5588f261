import { ApiProperty } from '@nestjs/swagger';
import { IsText } from '@meridian/platform/nest';

export class CancelOrderDto {
  @ApiProperty({ example: 'Customer withdrew', maxLength: 500 })
  @IsText(500)
  reason!: string;
}
