import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import type { FieldError } from './problem-details';
import { RequestValidationFailed } from './problem-details';
import { MoneyType } from './money.dto';
import { IsOmittable, IsReference, IsText } from './request-validators';
import { createValidationPipe } from './validation.pipe';

class PriceDto extends MoneyType({ example: 10, maximum: 999_999_999.99 }) {}

class SampleDto {
  @IsText(10) note!: string;
  @IsOmittable() @IsText(10) comment?: string;
  @IsReference() ownerId!: string;
  @IsOmittable() @IsReference({ each: true }) groupIds?: string[];
  @ValidateNested() @Type(() => PriceDto) price!: PriceDto;
}

const valid = { note: 'ok', ownerId: 'rep-ana', price: { amount: 12.5, currency: 'EUR' } };

/** The field errors the HTTP layer would answer 400 with, or [] when the body passes. */
const errorsOf = async (body: object): Promise<readonly FieldError[]> => {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: SampleDto });
    return [];
  } catch (error) {
    if (error instanceof RequestValidationFailed) return error.errors;
    throw error;
  }
};

describe('shared request rules', () => {
  it('let a well-formed body through, optional fields left out', async () => {
    expect(await errorsOf(valid)).toEqual([]);
  });

  it('refuse blank, over-long and control-character text, and null for a field that may only be left out', async () => {
    const textRuleMessage = (field: string) => [`${field} must be 1-10 characters, not blank, without control characters other than tab and line breaks`];
    expect(await errorsOf({ ...valid, note: ' ', comment: null })).toEqual([
      { field: 'note', messages: textRuleMessage('note') },
      { field: 'comment', messages: textRuleMessage('comment') },
    ]);
    for (const note of ['a\u0000b', 'x'.repeat(11), '\u00a0\u3000', 'a\u007fb', '']) {
      expect((await errorsOf({ ...valid, note }))[0]?.messages).toEqual(textRuleMessage('note'));
    }
    // Line breaks and tabs belong in free text; length counts code points, as JSON Schema's maxLength does.
    expect(await errorsOf({ ...valid, note: 'a\tb\r\nc' })).toEqual([]);
    expect(await errorsOf({ ...valid, note: '🙂'.repeat(10) })).toEqual([]);
  });

  it('refuse references with spaces, naming each item of a list', async () => {
    expect(await errorsOf({ ...valid, ownerId: 'rep ana', groupIds: ['ok', 'not ok'] })).toEqual([
      { field: 'ownerId', messages: ['ownerId must be 1-128 printable characters without spaces'] },
      { field: 'groupIds', messages: ['groupIds must each be 1-128 printable characters without spaces'] },
    ]);
  });

  it('refuse negative amounts, more than two decimals and lower-case currencies', async () => {
    expect(await errorsOf({ ...valid, price: { amount: -1.005, currency: 'eur' } })).toEqual([
      { field: 'price.amount', messages: expect.arrayContaining(['amount must not be less than 0']) },
      { field: 'price.currency', messages: ['currency must be an ISO 4217 currency code in capitals, such as EUR'] },
    ]);
  });
});
