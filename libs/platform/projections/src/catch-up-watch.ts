export type CatchUpState = 'caught-up' | 'catching-up' | 'stalled';

/**
 * When a rebuild's catch-up from Kafka gives up: not after a fixed time, but
 * when its lag has not reached a new low for `stallMs`. A big backlog on a
 * slow store legitimately takes long: in the bench a 56,000-message catch-up
 * on FerretDB was refused after a fixed 120 s while it was still moving
 * (4,545 behind), throwing away the whole replay before it.
 */
export const createCatchUpWatch = (stallMs: number, now: () => number = Date.now): ((lag: number) => CatchUpState) => {
  let lowest = Number.POSITIVE_INFINITY;
  let lowestAt = now();
  return (lag) => {
    if (lag === 0) return 'caught-up';
    if (lag < lowest) {
      lowest = lag;
      lowestAt = now();
      return 'catching-up';
    }
    return now() - lowestAt > stallMs ? 'stalled' : 'catching-up';
  };
};
