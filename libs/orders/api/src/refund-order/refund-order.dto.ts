import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';
import { IsOmittable, IsReference, IsText } from '@meridian/platform/nest';
import { OrderMoneyDto } from '../shared/money.dto';

export class RefundOrderDto {
  @ApiPropertyOptional({
    example: 'rma-2291',
    description: 'The same id and amount again is recorded once. Defaults to one derived from the Idempotency-Key, or a new one',
  })
  @IsOmittable()
  @IsReference()
  refundId?: string;

  @ApiProperty({ type: OrderMoneyDto, description: 'Above zero, in the order currency, at most what was paid and not yet refunded' })
  @IsDefined()
  @ValidateNested()
  @Type(() => OrderMoneyDto)
  amount!: OrderMoneyDto;

  @ApiProperty({ example: 'Desk arrived damaged', maxLength: 500 })
  @IsText(500)
  reason!: string;
}
