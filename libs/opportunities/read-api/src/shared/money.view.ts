import { ApiProperty } from '@nestjs/swagger';

export class MoneyView {
  @ApiProperty({ example: 12500.5, description: 'Major units, at most two decimals' }) amount!: number;
  @ApiProperty({ example: 'EUR', description: 'ISO 4217 code' }) currency!: string;
}
