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

describe('createPartitionPauser', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('with the breaker closed, resumes after the retry delay, not before', () => {
    const { breaker } = fakeBreaker('closed');
    const pauser = createPartitionPauser(breaker, retryDelayMs);
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
    const pauser = createPartitionPauser(breaker, retryDelayMs);
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
    const pauser = createPartitionPauser(breaker, retryDelayMs);
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
    const pauser = createPartitionPauser(breaker, retryDelayMs);
    const p0 = partition();
    pauser.pauseUntilRetry(p0);
    change('closed');
    expect(p0.calls).toBe(1);
  });

  it('leaves it to the half-open transition when the breaker opens during the back-off', () => {
    const { breaker, change, set } = fakeBreaker('closed');
    const pauser = createPartitionPauser(breaker, retryDelayMs);
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
    const pauser = createPartitionPauser(breaker, retryDelayMs);
    const p0 = partition();
    pauser.pauseUntilRetry(p0);
    change('closed');
    expect(p0.calls).toBe(1);
    jest.advanceTimersByTime(retryDelayMs);
    change('half-open');
    expect(p0.calls).toBe(1);
  });

  it('starts a fresh back-off for a partition paused again after a resume', () => {
    const { breaker } = fakeBreaker('closed');
    const pauser = createPartitionPauser(breaker, retryDelayMs);
    const p0 = partition();
    pauser.pauseUntilRetry(p0);
    jest.advanceTimersByTime(retryDelayMs);
    pauser.pauseUntilRetry(p0);
    jest.advanceTimersByTime(retryDelayMs - 1);
    expect(p0.calls).toBe(1);
    jest.advanceTimersByTime(1);
    expect(p0.calls).toBe(2);
  });

  it('after cancel() resumes nothing, neither on the timer nor on a transition', () => {
    const { breaker, change } = fakeBreaker('closed');
    const pauser = createPartitionPauser(breaker, retryDelayMs);
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
});
