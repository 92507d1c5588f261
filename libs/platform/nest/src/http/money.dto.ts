import { ApiProperty } from '@nestjs/swagger';
import { Max, Min } from 'class-validator';
import { CurrencyCodeField } from './currency-code';
import { IsMoneyAmount } from './request-validators';

export type MoneyTypeOptions = Readonly<{ example: number; maximum: number }>;

/**
 * Money in a request or answer as the contracts carry it: major units, never
 * negative, at most two decimals, up to `maximum`, and an ISO 4217 code. The
 * bound is the context domain's (its contracts' `multipleOf` limit), so each
 * context subclasses this under its own name with its own bound and example:
 * `class MoneyDto extends MoneyType({ example: 349.99, maximum: maxMoneyAmount }) {}`.
 */
export const MoneyType = ({ example, maximum }: MoneyTypeOptions) => {
  class Money {
    @ApiProperty({ example, minimum: 0, maximum, description: 'Major units with at most two decimals' })
    @IsMoneyAmount()
    @Min(0)
    @Max(maximum)
    amount!: number;

    @CurrencyCodeField()
    currency!: string;
  }
  return Money;
};
