import { ApiProperty } from '@nestjs/swagger';
import { IsText } from '../shared/validators';

export class CancelOrderDto {
  @ApiProperty({ example: 'Customer withdrew', maxLength: 500 })
  @IsText(500)
  reason!: string;
}
