import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import type { ValidationArguments } from 'class-validator';
import { IsDefined, IsInt, Max, Min, ValidateBy, ValidateNested } from 'class-validator';
import { CurrencyCodeField, IsMoneyAmount, publishRuleAs } from '@meridian/platform/nest';
import { defaultSegmentPolicy, maxMoneyAmount, maxSegmentWindowDays } from '@meridian/customers/domain';

/** A bound on one request; the domain has no upper limit. */
export const maxHighPurchaseCount = 1_000_000;

export class ThresholdMoneyDto {
  @ApiProperty({ example: 1000, minimum: 0.01, maximum: maxMoneyAmount, description: 'Major units with at most two decimals, above zero' })
  @IsMoneyAmount()
  @Min(0.01)
  @Max(maxMoneyAmount)
  amount!: number;

  @CurrencyCodeField()
  currency!: string;
}

// A rule across two fields, which JSON Schema cannot state: the document says it in the property's description.
publishRuleAs({ inPolicyCurrency: {} });

/** The threshold in another currency than the policy's could never be compared with an order: a 400 naming the field. */
const InPolicyCurrency = () =>
  ValidateBy({
    name: 'inPolicyCurrency',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        typeof value !== 'object' || value === null || (value as { currency?: unknown }).currency === (args?.object as { currency?: unknown }).currency,
      defaultMessage: () => 'highAverageOrderValue must be in the policy currency',
    },
  });

export class SetSegmentPolicyDto {
  @ApiProperty({ example: defaultSegmentPolicy.windowDays, minimum: 1, maximum: maxSegmentWindowDays, description: 'Purchases in the last this many days count' })
  @IsInt()
  @Min(1)
  @Max(maxSegmentWindowDays)
  windowDays!: number;

  @CurrencyCodeField('ISO 4217 currency code; only orders in this currency count')
  currency!: string;

  @ApiProperty({ type: ThresholdMoneyDto, description: 'An average order value at or above this is high value' })
  @IsDefined()
  @ValidateNested()
  @Type(() => ThresholdMoneyDto)
  @InPolicyCurrency()
  highAverageOrderValue!: ThresholdMoneyDto;

  @ApiProperty({ example: defaultSegmentPolicy.highPurchaseCount, minimum: 1, maximum: maxHighPurchaseCount, description: 'This many purchases in the window or more is high frequency' })
  @IsInt()
  @Min(1)
  @Max(maxHighPurchaseCount)
  highPurchaseCount!: number;
}
