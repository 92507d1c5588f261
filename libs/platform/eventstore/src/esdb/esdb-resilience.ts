import { setTimeout as sleep } from 'node:timers/promises';
import CircuitBreaker from 'opossum';
import type { EsdbClient } from './esdb-client.port';
import { isTransientEsdbError } from './esdb-errors';

export type EsdbResilienceOptions = Readonly<{
  /** Tries per call when the server is unreachable or slow (1 = no retry). */
  attempts: number;
  /** Back-off before retry n is random in [0, min(maxDelayMs, baseDelayMs · 2^(n-1))): full jitter, so clients do not retry in step. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A call slower than this counts as a failure; the client's own deadline (10 s by default) normally ends it first. */
  breakerTimeoutMs: number;
  /** How long the breaker stays open before it lets one probe call through. */
  breakerResetTimeoutMs: number;
  /** Failed calls needed in the rolling window before the breaker may open. */
  breakerVolumeThreshold: number;
  breakerErrorThresholdPercentage: number;
}>;

export const defaultEsdbResilience: EsdbResilienceOptions = {
  attempts: 4,
  baseDelayMs: 50,
  maxDelayMs: 1_000,
  breakerTimeoutMs: 30_000,
  breakerResetTimeoutMs: 2_000,
  breakerVolumeThreshold: 5,
  breakerErrorThresholdPercentage: 50,
};

export type EsdbBreakerState = 'closed' | 'open' | 'half-open';

export type EsdbGuard = Readonly<{
  run: <T>(call: () => Promise<T>) => Promise<T>;
  state: () => EsdbBreakerState;
  shutdown: () => void;
}>;

export type EsdbGuardDependencies = Readonly<{ wait: (ms: number) => Promise<unknown>; random: () => number }>;

/**
 * Retries with jittered back-off on transient failures only, each try through
 * one opossum breaker per connection. Only transient failures count against
 * the breaker: a conflict is an answer from a healthy server. While the breaker
 * is open calls fail at once (not transient, so not retried either).
 */
export const createEsdbGuard = (
  name: string,
  options: EsdbResilienceOptions = defaultEsdbResilience,
  { wait, random }: EsdbGuardDependencies = { wait: sleep, random: Math.random },
): EsdbGuard => {
  const breaker = new CircuitBreaker(async (call: () => Promise<unknown>) => call(), {
    name,
    timeout: options.breakerTimeoutMs,
    resetTimeout: options.breakerResetTimeoutMs,
    volumeThreshold: options.breakerVolumeThreshold,
    errorThresholdPercentage: options.breakerErrorThresholdPercentage,
    // true = "not a failure of the dependency": it neither counts nor opens the breaker.
    errorFilter: (error: unknown) => !isTransientEsdbError(error),
  });
  const run = async <T>(call: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return (await breaker.fire(call)) as T;
      } catch (error) {
        if (attempt >= options.attempts || !isTransientEsdbError(error)) throw error;
        await wait(random() * Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1)));
      }
    }
  };
  return {
    run,
    state: () => (breaker.opened ? 'open' : breaker.halfOpen ? 'half-open' : 'closed'),
    shutdown: () => breaker.shutdown(),
  };
};

/**
 * The same client with every server call guarded. Retrying a whole append is
 * safe: the repeat carries the same event ids and expected state, which the
 * server answers as idempotent (or the adapter's read-back settles it).
 */
export const guardEsdbClient = (client: EsdbClient, guard: EsdbGuard): EsdbClient => ({
  append: (streamId, events, state) => guard.run(() => client.append(streamId, events, state)),
  readStream: (streamId, options) => guard.run(() => client.readStream(streamId, options)),
  readAll: (options) => guard.run(() => client.readAll(options)),
  setStreamMaxCount: (streamId, maxCount) => guard.run(() => client.setStreamMaxCount(streamId, maxCount)),
  dispose: async () => {
    guard.shutdown();
    await client.dispose();
  },
});
