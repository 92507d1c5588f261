import { RequestValidationFailed } from '@meridian/platform/nest';
import { CustomerIdParam, SegmentParam } from './path-params';

const refusal = (transform: () => unknown): unknown => {
  try {
    transform();
  } catch (error) {
    if (error instanceof RequestValidationFailed) return error.errors;
    throw error;
  }
  throw new Error('expected RequestValidationFailed');
};

describe('path parameters', () => {
  it('takes a customer id in any case and gives it lower-cased, as streams are named', () => {
    expect(new CustomerIdParam().transform('0B7C61D2-6A8E-4F6B-9E0D-1C2B3A4D5E6F')).toBe('0b7c61d2-6a8e-4f6b-9e0d-1c2b3a4d5e6f');
  });

  it.each(['segments', 'acme', '0b7c61d2-6a8e-4f6b-9e0d-1c2b3a4d5e6', ''])('refuses the customer id %p', (value) => {
    expect(refusal(() => new CustomerIdParam().transform(value))).toEqual([{ field: 'path:customerId', messages: ['must be a UUID'] }]);
  });

  it.each(['A', 'B', 'C', 'D', 'E'])('takes the segment %s', (segment) => {
    expect(new SegmentParam().transform(segment)).toBe(segment);
  });

  it.each(['a', 'F', 'AB', ''])('refuses the segment %p', (segment) => {
    expect(refusal(() => new SegmentParam().transform(segment))).toEqual([{ field: 'path:segment', messages: ['must be one of A, B, C, D, E'] }]);
  });
});
