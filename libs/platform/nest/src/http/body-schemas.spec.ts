import { Type } from 'class-transformer';
import { IsInt, Max, Min, ValidateBy, ValidateNested } from 'class-validator';
import { bodySchemaOf, nestedClassesOf } from './body-schemas';
import { MoneyType } from './money.dto';
import { IsCalendarDate, IsOmittable, IsReference, IsText } from './request-validators';

class PriceDto extends MoneyType({ example: 10, maximum: 1000 }) {}

class SampleDto {
  @IsText(10) note!: string;
  @IsOmittable() @IsReference({ each: true }) groupIds?: string[];
  @IsInt() @Min(1) @Max(200) seats!: number;
  @IsCalendarDate() closeDate!: string;
  @ValidateNested() @Type(() => PriceDto) price!: PriceDto;
}

class UnpublishedRuleDto {
  @ValidateBy({ name: 'isLucky', validator: { validate: (value: unknown) => value === 7 } }) lucky!: number;
}

describe('body schemas derived from the validators', () => {
  it('state each rule the validators run, which fields are required, and that no others are taken', () => {
    const schema = bodySchemaOf(SampleDto);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['note', 'seats', 'closeDate', 'price']);
    expect(schema.properties).toMatchObject({
      note: { type: 'string', minLength: 1, maxLength: 10 },
      groupIds: { type: 'array', items: { type: 'string', pattern: '^[!-~]{1,128}$' } },
      seats: { type: 'integer', minimum: 1, maximum: 200 },
      closeDate: { type: 'string', format: 'date' },
      price: { $ref: '#/components/schemas/PriceDto' },
    });
  });

  it('state a money amount as cents at most, within its bounds, in a known currency', () => {
    expect(bodySchemaOf(PriceDto).properties).toEqual({
      amount: { type: 'number', multipleOf: 0.01, minimum: 0, maximum: 1000 },
      currency: { enum: expect.arrayContaining(['EUR', 'JPY', 'USD']) },
    });
    expect(nestedClassesOf(SampleDto)).toEqual([PriceDto]);
  });

  it('refuse to publish a rule nobody said how to state, rather than document it as any value', () => {
    expect(() => bodySchemaOf(UnpublishedRuleDto)).toThrow('No JSON Schema is known for the rule "isLucky" on UnpublishedRuleDto.lucky');
  });
});
