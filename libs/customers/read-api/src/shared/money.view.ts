import { ApiProperty } from '@nestjs/swagger';

/** Money as every Meridian contract carries it: never converted between currencies. */
export class CustomerMoneyView {
  @ApiProperty({ example: 980.25, description: 'In major units (at most two decimals)' }) amount!: number;
  @ApiProperty({ example: 'EUR', description: 'Three-letter ISO 4217 code' }) currency!: string;
}
