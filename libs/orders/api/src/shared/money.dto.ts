import { ApiProperty } from '@nestjs/swagger';
import { IsNumber, Matches, Max, Min } from 'class-validator';
import { maxMoneyAmount } from '@meridian/orders/domain';

export class MoneyDto {
  @ApiProperty({ example: 349.99, minimum: 0, maximum: maxMoneyAmount, description: 'Major units with at most two decimals' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(maxMoneyAmount)
  amount!: number;

  @ApiProperty({ example: 'EUR', pattern: '^[A-Z]{3}$', description: 'ISO 4217 currency code' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter ISO 4217 code in capitals' })
  currency!: string;
}
