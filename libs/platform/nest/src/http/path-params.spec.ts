import { lineRule, referenceRule } from './input-rules';
import { readPathParam, uuidPathParam } from './path-params';
import { RequestValidationFailed } from './problem-details';

const refusal = (read: () => unknown): unknown => {
  try {
    read();
  } catch (error) {
    if (error instanceof RequestValidationFailed) return error.errors;
    throw error;
  }
  throw new Error('expected RequestValidationFailed');
};

describe('path parameters', () => {
  it('takes a UUID in any case and gives it lower-cased, as streams are named', () => {
    expect(readPathParam('customerId', uuidPathParam, '0B7C61D2-6A8E-4F6B-9E0D-1C2B3A4D5E6F')).toBe('0b7c61d2-6a8e-4f6b-9e0d-1c2b3a4d5e6f');
  });

  it.each(['cus-48151623', '0b7c61d2-6a8e-4f6b-9e0d-1c2b3a4d5e6', 'urn:uuid:0b7c61d2-6a8e-4f6b-9e0d-1c2b3a4d5e6f', '0b7c61d26a8e4f6b9e0d1c2b3a4d5e6f', ' 0b7c61d2-6a8e-4f6b-9e0d-1c2b3a4d5e6f'])(
    'refuses %p as a UUID, naming the parameter',
    (value) => {
      expect(refusal(() => readPathParam('orderId', uuidPathParam, value))).toEqual([{ field: 'path:orderId', messages: ['must be a UUID'] }]);
    },
  );

  it('takes a reference of printable characters, up to 128 of them', () => {
    expect(readPathParam('contactId', referenceRule, 'c-1')).toBe('c-1');
    expect(readPathParam('contactId', referenceRule, 'x'.repeat(128))).toHaveLength(128);
    for (const value of ['', 'a b', 'x'.repeat(129), 'é']) {
      expect(refusal(() => readPathParam('contactId', referenceRule, value))).toEqual([{ field: 'path:contactId', messages: [referenceRule.message] }]);
    }
  });

  it('counts a line in code points, as the document\'s maxLength does, and refuses blank or control characters', () => {
    const tag = lineRule(64);
    expect(readPathParam('tag', tag, '🙂'.repeat(64))).toHaveLength(128);
    expect(readPathParam('tag', tag, ' vip ')).toBe(' vip ');
    for (const value of ['', '   ', '\u00a0\u3000', 'v\u0007ip', 'vip\n', '🙂'.repeat(65)]) {
      expect(refusal(() => readPathParam('tag', tag, value))).toEqual([{ field: 'path:tag', messages: ['must be 1-64 characters, not blank, without control characters'] }]);
    }
  });
});
