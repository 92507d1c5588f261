import { UnavailableError, WrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import type { EsdbResilienceOptions } from './esdb-resilience';
import { createEsdbGuard, defaultEsdbResilience } from './esdb-resilience';

const options: EsdbResilienceOptions = { ...defaultEsdbResilience, attempts: 3, baseDelayMs: 100, maxDelayMs: 150, breakerVolumeThreshold: 4 };
const conflict = () => new WrongExpectedVersionError(undefined, { streamName: 's', current: 1n, expected: 0n });

/** A call that fails with the given errors, in order, then answers 'ok'; counts its invocations. */
const failingWith = (...errors: unknown[]) => {
  const call = async (): Promise<string> => {
    call.invocations++;
    const error = errors.shift();
    if (error !== undefined) throw error;
    return 'ok';
  };
  call.invocations = 0;
  return call;
};

describe('EventStoreDB call guard', () => {
  let waits: number[];
  const guard = (overrides: Partial<EsdbResilienceOptions> = {}) =>
    createEsdbGuard('spec', { ...options, ...overrides }, { wait: async (ms) => waits.push(ms), random: () => 0.5 });

  beforeEach(() => {
    waits = [];
  });

  it('retries a transient failure with jittered, growing, capped back-off', async () => {
    const call = failingWith(new UnavailableError(), new UnavailableError());
    const subject = guard();

    await expect(subject.run(call)).resolves.toBe('ok');

    expect(call.invocations).toBe(3);
    expect(waits).toEqual([0.5 * 100, 0.5 * 150]);
    subject.shutdown();
  });

  it('gives up after the configured attempts with the last transient error', async () => {
    const last = new UnavailableError();
    const call = failingWith(new UnavailableError(), new UnavailableError(), last);
    const subject = guard();

    await expect(subject.run(call)).rejects.toBe(last);
    expect(call.invocations).toBe(3);
    subject.shutdown();
  });

  it('does not retry an answer such as a conflict, nor count it against the breaker', async () => {
    const subject = guard({ breakerVolumeThreshold: 1 });
    for (let index = 0; index < 5; index++) {
      const call = failingWith(conflict());
      await expect(subject.run(call)).rejects.toBeInstanceOf(WrongExpectedVersionError);
      expect(call.invocations).toBe(1);
    }
    expect(subject.state()).toBe('closed');
    expect(waits).toEqual([]);
    subject.shutdown();
  });

  it('opens on repeated transient failures, then fails fast without calling the server', async () => {
    const subject = guard({ attempts: 1 });
    for (let index = 0; index < 4; index++) {
      await expect(subject.run(failingWith(new UnavailableError()))).rejects.toBeInstanceOf(UnavailableError);
    }
    expect(subject.state()).toBe('open');

    const call = failingWith();
    await expect(subject.run(call)).rejects.toThrow(/open/i);
    expect(call.invocations).toBe(0);
    subject.shutdown();
  });
});
