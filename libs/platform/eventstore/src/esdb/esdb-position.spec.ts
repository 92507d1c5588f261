import { START } from '@kurrent/kurrentdb-client';
import { toGlobalPosition, toReadPosition } from './esdb-position';

const at = (commit: bigint, prepare = commit) => ({ commit, prepare });
const maxSafe = BigInt(Number.MAX_SAFE_INTEGER);

describe('global position from the log position', () => {
  it('is the commit position of a self-committed event', () => {
    expect(toGlobalPosition(at(1234n), 'e')).toBe(1234);
    expect(toGlobalPosition(at(maxSafe), 'e')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses a position beyond Number.MAX_SAFE_INTEGER with a clear error', () => {
    expect(() => toGlobalPosition(at(maxSafe + 1n), 'e7')).toThrow(RangeError);
    expect(() => toGlobalPosition(at(maxSafe + 1n), 'e7')).toThrow(/e7: commit position 9007199254740992 is outside/);
  });

  it('refuses position 0, which the port reserves for "from the start"', () => {
    expect(() => toGlobalPosition(at(0n), 'e')).toThrow(RangeError);
  });

  it('refuses an event of an explicit transaction, whose commit position is shared', () => {
    expect(() => toGlobalPosition(at(900n, 700n), 'e3')).toThrow(/e3: commit position 900 differs from prepare position 700/);
  });

  it('refuses an event the server gave no position (servers before 22.6 on stream reads)', () => {
    expect(() => toGlobalPosition(undefined, 'e4')).toThrow(/e4: the server reported no log position/);
  });
});

describe('read position from an exclusive checkpoint', () => {
  it('reads from the start for 0 and from the position itself otherwise', () => {
    expect(toReadPosition(0)).toBe(START);
    expect(toReadPosition(4096)).toEqual({ commit: 4096n, prepare: 4096n });
  });

  it.each([-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 2])('refuses %j', (after) => {
    expect(() => toReadPosition(after)).toThrow(RangeError);
  });

  it('round-trips: a global position read back is the same log position', () => {
    const position = at(123_456_789n);
    expect(toReadPosition(toGlobalPosition(position, 'e'))).toEqual(position);
  });
});
