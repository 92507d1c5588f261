import { createPartitionPauser } from './partition-pauser';
import type { BreakerState, StoreBreaker } from './store-breaker';

/** A breaker whose state the test sets; `change` also tells the listeners, as opossum's events would. */
const fakeBreaker = (initial: BreakerState = 'closed') => {
  let current = initial;
  const listeners: Array<(state: BreakerState) => void> = [];
  const breaker: StoreBreaker = {
    run: (call) => call(),
    state: () => current,
    onChange: (listener) => {
      listeners.push(listener);
      return () => listeners.splice(listeners.indexOf(listener), 1);
    },
    shutdown: () => undefined,
  };
  const change = (next: BreakerState) => {
    current = next;
    for (const listener of listeners) listener(next);
  };
  const set = (next: BreakerState) => {
    current = next;
  };
  return { breaker, change, set };
};

/** A partition's resume callback that counts its calls. */
const partition = () => {
  const resume = () => void (resume.calls += 1);
  resume.calls = 0;
  return resume;
};

const retryDelayMs = 500;
/** random() = 1: the back-off's upper bound, so delays are exact. */
const noJitter = { random: () => 1 };

describe('createPartitionPauser', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('with the breaker closed, resumes after the retry delay, not before', () => {
    const { breaker } = fakeBreaker('closed');
    const pauser = createPartitionPauser(breaker, retryDelayMs, noJitter);
    const p0 = partition();
    pauser.pauseUntilRetry(p0);
    expect(pauser.paused()).toBe(1);
    jest.advanceTimersByTime(retryDelayMs - 1);
    expect(p0.calls).toBe(0);
    jest.advanceTimersByTime(1);
    expect(p0.calls).toBe(1);
    expect(pauser.paused()).toBe(0);
  });

  it('shares one back-off between partitions paused meanwhile, and resumes each once', () => {
    const { breaker } = fakeBreaker('closed');
    const pauser = createPartitionPauser(breaker, retryDelayMs, noJitter);
    const [p0, p1] = [partition(), partition()];
    pauser.pauseUntilRetry(p0);
    jest.advanceTimersByTime(300);
    pauser.pauseUntilRetry(p1);
    pauser.pauseUntilRetry(p1);
    expect(pauser.paused()).toBe(2);
    jest.advanceTimersByTime(200);
    expect([p0.calls, p1.calls]).toEqual([1, 1]);
    jest.advanceTimersByTime(10 * retryDelayMs);
    expect([p0.calls, p1.calls]).toEqual([1, 1]);
  });

  it('with the breaker open, waits for its half-open transition however long that takes', () => {
    const { breaker, change } = fakeBreaker('open');
    const pauser = createPartitionPauser(breaker, retryDelayMs, noJitter);
    const p0 = partition();
    pauser.pauseUntilRetry(p0);
    jest.advanceTimersByTime(100 * retryDelayMs);
    expect(p0.calls).toBe(0);
    change('open');
    expect(p0.calls).toBe(0);
    change('half-open');
    expect(p0.calls).toBe(1);
    expect(pauser.paused()).toBe(0);
  });

  it('resumes on a transition to closed as well', () => {
    const { breaker, change } = fakeBreaker('open');
    const pauser = createPartitionPauser(breaker, retryDelayMs, noJitter);
    const p0 = partition();
    pauser.pauseUntilRetry(p0);
    change('closed');
    expect(p0.calls).toBe(1);
  });

  it('leaves it to the half-open transition when the breaker opens during the back-off', () => {
    const { breaker, change, set } = fakeBreaker('closed');
    const pauser = createPartitionPauser(breaker, retryDelayMs, noJitter);
    const p0 = partition();
    pauser.pauseUntilRetry(p0);
    set('open');
    jest.advanceTimersByTime(retryDelayMs);
    expect(p0.calls).toBe(0);
    expect(pauser.paused()).toBe(1);
    change('half-open');
    expect(p0.calls).toBe(1);
  });

  it('never resumes twice: a transition before the back-off ends cancels the timer', () => {
    const { breaker, change } = fakeBreaker('closed');
    const pauser = createPartitionPauser(breaker, retryDelayMs, noJitter);
    const p0 = partition();
    pauser.pauseUntilRetry(p0);
    change('closed');
    expect(p0.calls).toBe(1);
    jest.advanceTimersByTime(retryDelayMs);
    change('half-open');
    expect(p0.calls).toBe(1);
  });

  it('schedules a new retry for a partition paused again after a resume: twice as late when the retry failed', () => {
    const { breaker } = fakeBreaker('closed');
    const pauser = createPartitionPauser(breaker, retryDelayMs, noJitter);
    const p0 = partition();
    pauser.pauseUntilRetry(p0);
    jest.advanceTimersByTime(retryDelayMs);
    pauser.pauseUntilRetry(p0);
    jest.advanceTimersByTime(2 * retryDelayMs - 1);
    expect(p0.calls).toBe(1);
    jest.advanceTimersByTime(1);
    expect(p0.calls).toBe(2);
  });

  it('after cancel() resumes nothing, neither on the timer nor on a transition', () => {
    const { breaker, change } = fakeBreaker('closed');
    const pauser = createPartitionPauser(breaker, retryDelayMs, noJitter);
    const [p0, p1] = [partition(), partition()];
    pauser.pauseUntilRetry(p0);
    pauser.cancel();
    expect(pauser.paused()).toBe(0);
    pauser.pauseUntilRetry(p1);
    jest.advanceTimersByTime(10 * retryDelayMs);
    change('half-open');
    change('closed');
    expect([p0.calls, p1.calls]).toEqual([0, 0]);
    expect(jest.getTimerCount()).toBe(0);
  });

  describe('back-off while the breaker stays closed', () => {
    const retryAfter = (pauser: ReturnType<typeof createPartitionPauser>): number => {
      const p = partition();
      pauser.pauseUntilRetry(p);
      let waited = 0;
      while (p.calls === 0 && waited < 60_000) {
        jest.advanceTimersByTime(1);
        waited += 1;
      }
      return waited;
    };

    it('doubles with each retry that fails again, up to the cap', () => {
      const pauser = createPartitionPauser(fakeBreaker('closed').breaker, 100, { maxDelayMs: 500, random: () => 1 });
      expect([1, 2, 3, 4, 5].map(() => retryAfter(pauser))).toEqual([100, 200, 400, 500, 500]);
    });

    it('is jittered between half and all of the step', () => {
      const low = createPartitionPauser(fakeBreaker('closed').breaker, 400, { random: () => 0 });
      const mid = createPartitionPauser(fakeBreaker('closed').breaker, 400, { random: () => 0.5 });
      expect(retryAfter(low)).toBe(200);
      expect(retryAfter(mid)).toBe(300);
      expect(retryAfter(low)).toBe(400);
    });

    it('starts from the first step again once a message was stored', () => {
      const pauser = createPartitionPauser(fakeBreaker('closed').breaker, 100, { random: () => 1 });
      retryAfter(pauser);
      retryAfter(pauser);
      pauser.recovered();
      expect(retryAfter(pauser)).toBe(100);
    });
  });
});
