import { jsonBodyViolation, maxJsonBodyDepth } from './json-body-rules';

describe('jsonBodyViolation', () => {
  it('passes ordinary bodies, surrogate pairs included', () => {
    expect(jsonBodyViolation({ lines: [{ unitPrice: { amount: 1, currency: 'EUR' } }], note: 'ok \ud83d\udc4d' })).toBeUndefined();
  });

  it('walks a body of a million array items without overflowing the stack', () => {
    const started = Date.now();
    expect(jsonBodyViolation({ items: new Array(1_000_000).fill(1) })).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('allows exactly the maximum depth and names the top-level field beyond it', () => {
    const nested = (levels: number): unknown => (levels === 0 ? 1 : [nested(levels - 1)]);
    expect(jsonBodyViolation({ deep: nested(maxJsonBodyDepth - 1) })).toBeUndefined();
    expect(jsonBodyViolation({ deep: nested(maxJsonBodyDepth) })).toEqual({ field: 'deep', messages: [expect.stringContaining(`${maxJsonBodyDepth} levels`)] });
  });

  it('names the path of a lone surrogate in a value or a field name', () => {
    expect(jsonBodyViolation({ lines: [{ description: 'a\udc00' }] })?.field).toBe('lines.0.description');
    expect(jsonBodyViolation({ outer: { 'k\ud800': 1 } })?.field).toBe('outer.k\ud800');
  });
});
