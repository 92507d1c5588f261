import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, ValidateNested } from 'class-validator';
import { IsOmittable, IsReference } from '@meridian/platform/nest';
import type { PaymentMethod } from '@meridian/orders/domain';
import { paymentMethods } from '@meridian/orders/domain';
import { OrderMoneyDto } from '../shared/money.dto';

export class RecordPaymentDto {
  @ApiPropertyOptional({
    example: 'psp-ch_3PbX2v',
    description: 'The payment provider\'s id: the same id and amount again is recorded once. Defaults to one derived from the Idempotency-Key, or a new one',
  })
  @IsOmittable()
  @IsReference()
  paymentId?: string;

  @ApiProperty({ type: OrderMoneyDto, description: 'Above zero, in the order currency, at most the outstanding amount' })
  @IsDefined()
  @ValidateNested()
  @Type(() => OrderMoneyDto)
  amount!: OrderMoneyDto;

  @ApiProperty({ enum: paymentMethods, example: 'card' })
  @IsIn(paymentMethods as readonly string[] as string[])
  method!: PaymentMethod;
}
