import { setTimeout as sleep } from 'node:timers/promises';
import { pollUntil } from '@meridian/platform/testing';
import { createMemoryReadModelStorage } from './memory-read-model-store';
import type { ReadModelStorage, StoreCallOptions } from './read-model-store.port';
import type { BreakerState, StoreBreaker, StoreBreakerOptions } from './store-breaker';
import { createStoreBreaker, guardStorage } from './store-breaker';

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

type Row = { streamRevision: number; label: string };

/**
 * A fake at the storage port: memory storage that keeps the options of every
 * call, and whose `save` can be made to hang until its signal fires (a MongoDB
 * call stuck on a dead connection, as the driver would end it on abort).
 */
const recordingStorage = () => {
  const inner = createMemoryReadModelStorage<Row>();
  const seen: Array<{ method: string; options: StoreCallOptions | undefined }> = [];
  let hangSaves = false;
  const saw = (method: string, options: StoreCallOptions | undefined) => void seen.push({ method, options });
  const storage: ReadModelStorage<Row> = {
    documents: {
      load: (id, options) => (saw('load', options), inner.documents.load(id, options)),
      loadMany: (ids, options) => (saw('loadMany', options), inner.documents.loadMany(ids, options)),
      save: (id, document, options) => {
        saw('save', options);
        if (!hangSaves) return inner.documents.save(id, document, options);
        return new Promise((_resolve, reject) => options?.signal?.addEventListener('abort', () => reject(options.signal?.reason), { once: true }));
      },
      insertAbsent: (batch, options) => (saw('insertAbsent', options), inner.documents.insertAbsent(batch, options)),
      remove: (id, revision, options) => (saw('remove', options), inner.documents.remove(id, revision, options)),
      find: (query, options) => (saw('find', options), inner.documents.find(query, options)),
    },
    counters: {
      increment: (delta, lane, options) => (saw('increment', options), inner.counters.increment(delta, lane, options)),
      lastSequences: (ids, laneId, options) => (saw('lastSequences', options), inner.counters.lastSequences(ids, laneId, options)),
      incrementAfter: (delta, lane, after, options) => (saw('incrementAfter', options), inner.counters.incrementAfter(delta, lane, after, options)),
      find: (query, options) => (saw('counters.find', options), inner.counters.find(query, options)),
      figuresOf: (ids, lanes, options) => (saw('figuresOf', options), inner.counters.figuresOf(ids, lanes, options)),
    },
    progress: {
      record: (mark, options) => (saw('record', options), inner.progress.record(mark, options)),
      marks: (options) => (saw('marks', options), inner.progress.marks(options)),
    },
  };
  return { storage, inner, seen, hang: () => void (hangSaves = true) };
};

describe('guardStorage', () => {
  const breakers: StoreBreaker[] = [];
  const breaker = () => {
    const made = createStoreBreaker('read-store', () => undefined, options);
    breakers.push(made);
    return made;
  };
  afterEach(() => {
    for (const made of breakers.splice(0)) made.shutdown();
  });

  it('gives every call of every store the breaker\'s own signal and its timeout as the time limit', async () => {
    const fake = recordingStorage();
    const guarded = guardStorage(fake.storage, breaker());

    await guarded.documents.save('a', { streamRevision: 0, label: 'x' });
    await guarded.documents.load('a');
    await guarded.documents.loadMany(['a']);
    await guarded.documents.find({});
    await guarded.documents.insertAbsent([['b', { streamRevision: 0, label: 'y' }]]);
    await guarded.documents.remove('a', 1);
    await guarded.counters.increment({ counterId: 'c', keys: {}, increments: { n: 1 } }, { id: 'p0', sequence: 1 });
    await guarded.counters.lastSequences(['c'], 'p0');
    await guarded.counters.incrementAfter({ counterId: 'c', keys: {}, increments: { n: 1 } }, { id: 'p0', sequence: 2 }, 1);
    await guarded.counters.find({});
    await guarded.counters.figuresOf(['c'], ['p0']);
    await guarded.progress.record({ lane: 'p0', sequence: 1, position: 1 });
    await guarded.progress.marks();

    expect(fake.seen.map((call) => call.method)).toEqual(['save', 'load', 'loadMany', 'find', 'insertAbsent', 'remove', 'increment', 'lastSequences', 'incrementAfter', 'counters.find', 'figuresOf', 'record', 'marks']);
    for (const call of fake.seen) {
      expect(call.options?.signal).toBeInstanceOf(AbortSignal);
      expect(call.options?.maxTimeMs).toBe(options.timeoutMs);
    }
    // One signal per call: one aborted call must not abort the others.
    expect(new Set(fake.seen.map((call) => call.options?.signal)).size).toBe(fake.seen.length);
  });

  it('aborts a call the breaker timed out: the store sees its signal fire, the caller gets the timeout, nothing is written', async () => {
    const fake = recordingStorage();
    fake.hang();
    const guarded = guardStorage(fake.storage, breaker());

    await expect(guarded.documents.save('a', { streamRevision: 0, label: 'late' })).rejects.toMatchObject({ code: 'ETIMEDOUT' });

    const signal = fake.seen[0]?.options?.signal;
    await pollUntil(() => signal?.aborted, { until: (aborted) => aborted === true, timeoutMs: 1_000, description: 'the store call\'s signal aborted' });
    expect(String(signal?.reason)).toMatch(/timed out after 100 ms/);
    expect(await fake.inner.documents.load('a')).toBeNull();
  });

  it('passes an already-aborted signal to a store that refuses it: the memory store rejects and writes nothing', async () => {
    const inner = createMemoryReadModelStorage<Row>();
    // A breaker double whose signal is aborted before the call runs, as when the timeout fires first.
    const abortedFirst: StoreBreaker = {
      run: (call) => call(AbortSignal.abort(new Error('gave up'))),
      state: () => 'closed',
      onChange: () => () => undefined,
      shutdown: () => undefined,
    };
    const guarded = guardStorage(inner, abortedFirst);

    await expect(guarded.documents.save('a', { streamRevision: 0, label: 'never' })).rejects.toThrow('gave up');
    await expect(guarded.counters.increment({ counterId: 'c', keys: {}, increments: { n: 1 } }, { id: 'p0', sequence: 1 })).rejects.toThrow('gave up');
    expect(await inner.documents.load('a')).toBeNull();
    expect(await inner.counters.find({})).toEqual([]);
  });
});
