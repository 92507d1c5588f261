import { drainWithin } from './drain-within';

describe('drainWithin', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('is drained as soon as the last request is answered, before the bound', async () => {
    let answerLast = (): void => undefined;
    const outcome = drainWithin(new Promise<void>((resolve) => (answerLast = resolve)), 1_000);
    await jest.advanceTimersByTimeAsync(999);
    answerLast();
    await expect(outcome).resolves.toBe('drained');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('times out when a request is still running at the bound', async () => {
    const outcome = drainWithin(new Promise<void>(() => undefined), 1_000);
    await jest.advanceTimersByTimeAsync(1_000);
    await expect(outcome).resolves.toBe('timed-out');
  });

  it('is drained at once with nothing in flight, even with a zero bound', async () => {
    await expect(drainWithin(Promise.resolve(), 0)).resolves.toBe('drained');
  });
});
