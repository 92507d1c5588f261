import CircuitBreaker from 'opossum';
import type { StructuredLog } from '@meridian/platform/kafka';
import type { ProjectedDocument } from './projection';
import type { ReadModelStorage, StoreCallOptions } from './read-model-store.port';

export type StoreBreakerOptions = Readonly<{
  /**
   * A call slower than this counts as a failure, and its AbortSignal fires then.
   * Opossum itself only stops waiting: a call that ignores the signal keeps
   * running until the driver's own timeouts end it.
   */
  timeoutMs: number;
  /** How long the breaker stays open before it lets one probe call through. */
  resetTimeoutMs: number;
  /** Failures needed in the rolling window before the breaker may open: one blip doesn't stop consumption. */
  volumeThreshold: number;
  errorThresholdPercentage: number;
}>;

export const defaultStoreBreakerOptions: StoreBreakerOptions = { timeoutMs: 5_000, resetTimeoutMs: 2_000, volumeThreshold: 3, errorThresholdPercentage: 50 };

export type BreakerState = 'closed' | 'open' | 'half-open';

export type StoreBreaker = Readonly<{
  /**
   * Calls that accept the signal can stop their work when it fires (at
   * `timeoutMs`); others may ignore it. Optional so that test doubles of the
   * breaker need not make one; this breaker always passes it.
   */
  run: <T>(call: (signal?: AbortSignal) => Promise<T>) => Promise<T>;
  /** The breaker's call timeout, when it has one: guarded reads pass it on as the server-side time limit. */
  timeoutMs?: number;
  state: () => BreakerState;
  /** Called on every state change (the consumer resumes paused partitions on half-open); returns the unsubscribe. */
  onChange: (listener: (state: BreakerState) => void) => () => void;
  shutdown: () => void;
}>;

/**
 * One breaker per read-store connection: when MongoDB is down every read
 * model's calls fail fast instead of each waiting out driver timeouts, and
 * consumers pause until a probe succeeds.
 */
export const createStoreBreaker = (name: string, log: StructuredLog, options: StoreBreakerOptions = defaultStoreBreakerOptions): StoreBreaker => {
  // One AbortController per admitted call, fired together with opossum's own
  // timeout; opossum's `abortController` option is a single controller shared
  // by every in-flight call, so one slow call would abort them all.
  const breaker = new CircuitBreaker(async (call: (signal?: AbortSignal) => Promise<unknown>) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(`read-store call timed out after ${options.timeoutMs} ms`)), options.timeoutMs);
    try {
      return await call(controller.signal);
    } finally {
      clearTimeout(timer);
    }
  }, {
    name,
    timeout: options.timeoutMs,
    resetTimeout: options.resetTimeoutMs,
    volumeThreshold: options.volumeThreshold,
    errorThresholdPercentage: options.errorThresholdPercentage,
  });
  const listeners: Array<(state: BreakerState) => void> = [];
  const state = (): BreakerState => (breaker.opened ? 'open' : breaker.halfOpen ? 'half-open' : 'closed');
  const changed = (next: BreakerState) => () => {
    log(next === 'open' ? 'warn' : 'info', `read-store breaker ${next}`, { breaker: name });
    for (const listener of listeners) listener(next);
  };
  breaker.on('open', changed('open'));
  breaker.on('halfOpen', changed('half-open'));
  breaker.on('close', changed('closed'));
  return {
    run: <T>(call: (signal?: AbortSignal) => Promise<T>) => breaker.fire(call) as Promise<T>,
    timeoutMs: options.timeoutMs,
    state,
    onChange: (listener) => {
      listeners.push(listener);
      return () => {
        const index = listeners.indexOf(listener);
        if (index >= 0) listeners.splice(index, 1);
      };
    },
    shutdown: () => breaker.shutdown(),
  };
};

/**
 * The same storage with every call through the breaker, each given the
 * breaker's AbortSignal (and its timeout as the reads' server-side limit), so
 * a call the breaker gave up on is cancelled in the driver instead of running
 * on. A caller's own signal is not merged in: nothing upstream passes one yet,
 * and the breaker's is the one that fires.
 */
export const guardStorage = <TDocument extends ProjectedDocument>(storage: ReadModelStorage<TDocument>, breaker: StoreBreaker): ReadModelStorage<TDocument> => {
  const guarded = <T>(call: (options: StoreCallOptions) => Promise<T>): Promise<T> =>
    breaker.run((signal) => call({ ...(signal === undefined ? {} : { signal }), ...(breaker.timeoutMs === undefined ? {} : { maxTimeMs: breaker.timeoutMs }) }));
  return {
    documents: {
      load: (id) => guarded((options) => storage.documents.load(id, options)),
      loadMany: (ids) => guarded((options) => storage.documents.loadMany(ids, options)),
      save: (id, document) => guarded((options) => storage.documents.save(id, document, options)),
      insertAbsent: (batch) => guarded((options) => storage.documents.insertAbsent(batch, options)),
      remove: (id, revision) => guarded((options) => storage.documents.remove(id, revision, options)),
      find: (query) => guarded((options) => storage.documents.find(query, options)),
    },
    counters: {
      increment: (delta, lane) => guarded((options) => storage.counters.increment(delta, lane, options)),
      lastSequences: (counterIds, laneId) => guarded((options) => storage.counters.lastSequences(counterIds, laneId, options)),
      incrementAfter: (delta, lane, after) => guarded((options) => storage.counters.incrementAfter(delta, lane, after, options)),
      find: (query) => guarded((options) => storage.counters.find(query, options)),
      figuresOf: (counterIds, laneIds) => guarded((options) => storage.counters.figuresOf(counterIds, laneIds, options)),
    },
    progress: {
      record: (mark) => guarded((options) => storage.progress.record(mark, options)),
      marks: () => guarded((options) => storage.progress.marks(options)),
    },
  };
};
