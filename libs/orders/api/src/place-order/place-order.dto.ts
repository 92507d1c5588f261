import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsInt, Max, Min, ValidateNested } from 'class-validator';
import { CurrencyCodeField, IsOmittable, IsReference, IsText } from '@meridian/platform/nest';
import { OrderMoneyDto } from '../shared/money.dto';

/** Bounds that keep one request reasonable; the order rules (currency, total) are the domain's. */
export const maxLinesPerOrder = 200;
export const maxLineQuantity = 1_000_000;

export class OrderLineDto {
  @ApiPropertyOptional({ example: 'line-1', description: 'Unique within the order; defaults to line-<position>, counted from 1' })
  @IsOmittable()
  @IsReference()
  lineId?: string;

  @ApiProperty({ example: 'sku-desk-160', description: 'Catalogue product id' })
  @IsReference()
  productId!: string;

  @ApiProperty({ example: 'Standing desk, 160 cm', maxLength: 200 })
  @IsText(200)
  description!: string;

  @ApiProperty({ example: 2, minimum: 1, maximum: maxLineQuantity })
  @IsInt()
  @Min(1)
  @Max(maxLineQuantity)
  quantity!: number;

  @ApiProperty({ type: OrderMoneyDto, description: 'In the order currency' })
  @IsDefined()
  @ValidateNested()
  @Type(() => OrderMoneyDto)
  unitPrice!: OrderMoneyDto;
}

export class PlaceOrderDto {
  @ApiProperty({ example: 'cus-48151623', description: 'Customer the order is for' })
  @IsReference()
  customerId!: string;

  @CurrencyCodeField('ISO 4217 currency code; every unit price must be in it')
  currency!: string;

  @ApiProperty({ type: [OrderLineDto], minItems: 1, maxItems: maxLinesPerOrder })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(maxLinesPerOrder)
  @ValidateNested({ each: true })
  @Type(() => OrderLineDto)
  lines!: OrderLineDto[];

  @ApiPropertyOptional({ example: '3f1d7c52-8a0e-4b5e-9a63-2f4d0c9e1b77', description: 'The opportunity this order closes, if any' })
  @IsOmittable()
  @IsReference()
  opportunityId?: string;
}
