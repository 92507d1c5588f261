import { setTimeout as sleep } from 'node:timers/promises';
import { pollUntil } from '@meridian/platform/testing';
import type { BreakerState, StoreBreaker, StoreBreakerOptions } from './store-breaker';
import { createStoreBreaker } from './store-breaker';

/*
 * The real opossum breaker with short real timings: its reset and timeout
 * timers are what is under test, so no fake clock. Waiting for half-open polls
 * the state with a deadline; the only fixed wait is in the test whose subject
 * is "nothing happens after timeoutMs".
 */
const options: StoreBreakerOptions = { timeoutMs: 100, resetTimeoutMs: 150, volumeThreshold: 3, errorThresholdPercentage: 50 };

/** A read-store call with the given behaviour that counts its invocations and keeps the signal it got. */
const counted = <T>(behaviour: (signal?: AbortSignal) => Promise<T>) => {
  const call = (signal?: AbortSignal): Promise<T> => {
    call.invocations++;
    call.signals.push(signal);
    return behaviour(signal);
  };
  call.invocations = 0;
  call.signals = [] as Array<AbortSignal | undefined>;
  return call;
};
const failing = () => counted<never>(async () => Promise.reject(new Error('MongoNetworkError: connection refused')));
const answering = () => counted(async () => 'ok');
/** Would take this long if invoked; the open breaker must not wait for it. */
const slowCallMs = 500;

describe('createStoreBreaker', () => {
  const subjects: StoreBreaker[] = [];
  let heard: BreakerState[];
  let logged: string[];

  const subject = (overrides: Partial<StoreBreakerOptions> = {}) => {
    const breaker = createStoreBreaker('read-store', (_level, message) => void logged.push(message), { ...options, ...overrides });
    breaker.onChange((state) => void heard.push(state));
    subjects.push(breaker);
    return breaker;
  };
  const trip = async (breaker: StoreBreaker) => {
    for (let index = 0; index < options.volumeThreshold; index++) await expect(breaker.run(failing())).rejects.toThrow(/connection refused/);
  };
  const halfOpen = (breaker: StoreBreaker) =>
    pollUntil(() => breaker.state(), { until: (state) => state === 'half-open', timeoutMs: options.resetTimeoutMs + 2_000, description: 'half-open' });

  beforeEach(() => {
    heard = [];
    logged = [];
  });
  afterEach(() => {
    for (const breaker of subjects.splice(0)) breaker.shutdown();
  });

  it('stays closed below the volume threshold even at 100 % errors: one blip does not stop consumption', async () => {
    const breaker = subject();
    for (let index = 0; index < options.volumeThreshold - 1; index++) await expect(breaker.run(failing())).rejects.toThrow(/connection refused/);

    expect(breaker.state()).toBe('closed');
    expect(heard).toEqual([]);
    const call = answering();
    await expect(breaker.run(call)).resolves.toBe('ok');
    expect(call.invocations).toBe(1);
  });

  it('opens at the volume threshold with the error percentage exceeded, and says so', async () => {
    const breaker = subject();
    await trip(breaker);

    expect(breaker.state()).toBe('open');
    expect(heard).toEqual(['open']);
    expect(logged).toContain('read-store breaker open');
  });

  it('while open, rejects fast without invoking the call', async () => {
    const breaker = subject();
    await trip(breaker);
    const call = counted(() => sleep(slowCallMs, 'late'));

    const started = performance.now();
    await expect(breaker.run(call)).rejects.toMatchObject({ code: 'EOPENBREAKER' });
    const elapsed = performance.now() - started;

    expect(call.invocations).toBe(0);
    expect(elapsed).toBeLessThan(slowCallMs / 10);
  });

  it('after resetTimeoutMs goes half-open and admits exactly one probe; its success closes the breaker', async () => {
    const breaker = subject();
    await trip(breaker);
    await halfOpen(breaker);
    expect(heard).toEqual(['open', 'half-open']);

    let release: (value: string) => void = () => undefined;
    const probe = counted(() => new Promise<string>((resolve) => (release = resolve)));
    const probeResult = breaker.run(probe);
    const others = [answering(), answering(), answering()];
    const rejected = others.map(async (call) => breaker.run(call));

    // Rejected while the probe is still in flight, without being invoked.
    for (const outcome of await Promise.allSettled(rejected)) expect(outcome).toMatchObject({ status: 'rejected', reason: { code: 'EOPENBREAKER' } });
    expect(probe.invocations).toBe(1);
    expect(others.map((call) => call.invocations)).toEqual([0, 0, 0]);

    release('probed');
    await expect(probeResult).resolves.toBe('probed');
    expect(breaker.state()).toBe('closed');
    expect(heard).toEqual(['open', 'half-open', 'closed']);

    const after = answering();
    await expect(breaker.run(after)).resolves.toBe('ok');
    expect(after.invocations).toBe(1);
  });

  it('re-opens when the half-open probe fails, and rejects fast again', async () => {
    const breaker = subject();
    await trip(breaker);
    await halfOpen(breaker);

    await expect(breaker.run(failing())).rejects.toThrow(/connection refused/);

    expect(breaker.state()).toBe('open');
    expect(heard).toEqual(['open', 'half-open', 'open']);
    const call = answering();
    await expect(breaker.run(call)).rejects.toMatchObject({ code: 'EOPENBREAKER' });
    expect(call.invocations).toBe(0);
  });

  it('counts a call slower than timeoutMs as a failure and aborts its signal', async () => {
    const breaker = subject();
    // Ends only when aborted, as a driver call given the signal would.
    const abortable = () =>
      counted((signal) => new Promise<never>((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true })));

    const calls = [abortable(), abortable(), abortable()];
    for (const call of calls) await expect(breaker.run(call)).rejects.toMatchObject({ code: 'ETIMEDOUT' });

    const signals = calls.map((call) => call.signals[0]);
    expect(signals.every((signal) => signal instanceof AbortSignal)).toBe(true);
    await pollUntil(() => signals.every((signal) => signal?.aborted), { timeoutMs: 1_000, description: 'every timed-out call aborted' });
    expect(String(signals[0]?.reason)).toMatch(/timed out after 100 ms/);
    expect(breaker.state()).toBe('open');
  });

  it('stops waiting at timeoutMs even for a call that ignores the signal (opossum cannot cancel it)', async () => {
    const breaker = subject();
    const stubborn = counted(() => new Promise<never>(() => undefined));

    const started = performance.now();
    await expect(breaker.run(stubborn)).rejects.toMatchObject({ code: 'ETIMEDOUT' });

    expect(performance.now() - started).toBeLessThan(options.timeoutMs + 200);
    expect(stubborn.invocations).toBe(1);
  });

  it('leaves the signal of a call that answered in time alone', async () => {
    const breaker = subject();
    const call = answering();
    await expect(breaker.run(call)).resolves.toBe('ok');

    // The behaviour under test is time: nothing fires once timeoutMs has passed.
    await sleep(options.timeoutMs + 50);
    expect(call.signals[0]?.aborted).toBe(false);
  });
});
