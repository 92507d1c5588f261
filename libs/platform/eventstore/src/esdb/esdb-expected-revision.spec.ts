import { ANY, NO_STREAM, STREAM_EXISTS } from '@kurrent/kurrentdb-client';
import { fromCurrentStreamState, toAppendStreamState, toRevision } from './esdb-expected-revision';

describe('expected revision mapping', () => {
  it.each([
    ['no_stream', NO_STREAM],
    ['stream_exists', STREAM_EXISTS],
    ['any', ANY],
    [0, 0n],
    [41, 41n],
    [Number.MAX_SAFE_INTEGER, BigInt(Number.MAX_SAFE_INTEGER)],
  ] as const)('maps %j to %j', (expected, state) => {
    expect(toAppendStreamState(expected)).toBe(state);
  });

  it.each([-1, -2, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1, Number.POSITIVE_INFINITY])(
    'maps %j to no server state: no stream can be at that revision',
    (expected) => {
      expect(toAppendStreamState(expected)).toBeUndefined();
    },
  );

  it('reads the current state the server reports on a conflict', () => {
    expect(fromCurrentStreamState(NO_STREAM)).toBe('no_stream');
    expect(fromCurrentStreamState(0n)).toBe(0);
    expect(fromCurrentStreamState(7n)).toBe(7);
    expect(fromCurrentStreamState(-5n)).toBe('no_stream');
    expect(fromCurrentStreamState(-6n)).toBe('no_stream');
  });

  it('refuses a revision a number cannot hold exactly', () => {
    expect(toRevision(BigInt(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => toRevision(BigInt(Number.MAX_SAFE_INTEGER) + 1n)).toThrow(RangeError);
    expect(() => toRevision(-1n)).toThrow(RangeError);
  });
});
