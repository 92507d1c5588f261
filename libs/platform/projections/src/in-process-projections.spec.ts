import { setTimeout as sleep } from 'node:timers/promises';
import type { StructuredLog } from '@meridian/platform/kafka';
import { pollUntil } from '@meridian/platform/testing';
import { sumCounterFigures } from './counters';
import { startInProcessProjections } from './in-process-projections';
import { createMemoryReadModelStorage, createResettableMemoryStorage } from './memory-read-model-store';
import type { ProgressFigures } from './progress-reporter';
import { bindReadModel } from './read-model-binding';
import type { ReadModelStorage } from './read-model-store.port';
import { storeLane } from './store-feed';
import type { Counter } from './testing/store-feed.fake';
import { counterProjection, fakeStoreFeed } from './testing/store-feed.fake';

const setup = () => {
  const source = fakeStoreFeed();
  const logged: Parameters<StructuredLog>[] = [];
  const progress: { line: string; figures: ProgressFigures }[] = [];
  const start = (storages: readonly ReadModelStorage<Counter>[], idleIntervalMs = 20) =>
    startInProcessProjections({
      feed: source.feed, readModels: storages.map((s) => bindReadModel(counterProjection, s)), log: (...entry) => void logged.push(entry),
      progress: (line, figures) => void progress.push({ line, figures }), pageSize: 2, idleIntervalMs,
    });
  return { ...source, logged, progress, start };
};

const grandTotal = async (storage: ReadModelStorage<Counter>) => sumCounterFigures(await storage.counters.find({ equals: { tenantId: 't' } })).total;
/** The fake feed answers in microtasks: once the macrotask queue turns, the loop is waiting for a nudge. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

/** counter-1 += 5, (other topic), counter-1 += 2, counter-2 += 4: head 4. */
const history = (feed: ReturnType<typeof setup>) => {
  feed.add('counter-1', 0, 5);
  feed.skip();
  feed.add('counter-1', 1, 2);
  feed.add('counter-2', 0, 4);
};

describe('startInProcessProjections', () => {
  it('catches up the history present at start into every read model, with a final progress line', async () => {
    const s = setup();
    history(s);
    const [a, b] = [createMemoryReadModelStorage<Counter>(), createMemoryReadModelStorage<Counter>()];
    const projections = await s.start([a, b]);
    await projections.caughtUp;
    expect(projections.position()).toBe(4);
    for (const storage of [a, b]) {
      expect(await storage.documents.load('counter-1')).toEqual({ streamRevision: 1, total: 7 });
      expect(await grandTotal(storage)).toBe(11);
      expect(await storage.progress.marks()).toEqual([{ lane: storeLane, sequence: 4, position: 4 }]);
    }
    expect(s.progress).toHaveLength(1);
    expect(s.progress[0].line).toMatch(/^read models catching up: 4 \/ 4 events \(100%\)/);
    await projections.stop();
  });

  it('is caught up at once over an empty store, with no progress line', async () => {
    const s = setup();
    const projections = await s.start([createMemoryReadModelStorage<Counter>()]);
    await projections.caughtUp;
    expect(projections.position()).toBe(0);
    expect(s.progress).toEqual([]);
    await projections.stop();
  });

  it('applies later events when nudged, without waiting for the idle interval', async () => {
    const s = setup();
    history(s);
    const storage = createMemoryReadModelStorage<Counter>();
    const projections = await s.start([storage], 60_000);
    await projections.caughtUp;
    await settled();
    s.add('counter-2', 1, 6);
    s.add('counter-3', 0, 1);
    s.add('counter-3', 1, 1);
    expect(projections.position()).toBe(4);
    projections.nudge();
    await pollUntil(() => projections.position(), { timeoutMs: 2_000, intervalMs: 1, until: (p) => p === 7, description: 'position 7' });
    expect(await storage.documents.load('counter-3')).toEqual({ streamRevision: 1, total: 2 });
    expect(await grandTotal(storage)).toBe(19);
    await projections.stop();
  });

  it('logs and skips an event its projection throws for, and keeps feeding', async () => {
    const s = setup();
    s.add('counter-1', 0, 5);
    s.add('counter-1', 1, -1);
    s.add('counter-1', 2, 3);
    const storage = createMemoryReadModelStorage<Counter>();
    const projections = await s.start([storage]);
    await projections.caughtUp;
    expect(projections.position()).toBe(3);
    expect(await storage.documents.load('counter-1')).toEqual({ streamRevision: 2, total: 8 });
    expect(s.logged).toEqual([['warn', 'projection failed: event skipped', { readModel: 'counter', eventId: 'e-2', error: 'RangeError: negative add' }]]);
    await projections.stop();
  });

  it('logs a failed read while live and retries it', async () => {
    const s = setup();
    history(s);
    const storage = createMemoryReadModelStorage<Counter>();
    const projections = await s.start([storage], 5);
    await projections.caughtUp;
    s.failNextRead();
    s.add('counter-2', 1, 6);
    await pollUntil(() => projections.position(), { timeoutMs: 2_000, intervalMs: 1, until: (p) => p === 5, description: 'position 5' });
    expect(s.logged).toContainEqual(['error', 'in-process projections failed; retrying', { error: 'Error: event store unavailable' }]);
    expect(await grandTotal(storage)).toBe(17);
    await projections.stop();
  });

  it('logs a failed catch-up and carries on from where it stopped', async () => {
    const s = setup();
    history(s);
    s.failNextRead();
    const storage = createMemoryReadModelStorage<Counter>();
    const projections = await s.start([storage]);
    await projections.caughtUp;
    await pollUntil(() => projections.position(), { timeoutMs: 2_000, intervalMs: 1, until: (p) => p === 4, description: 'position 4' });
    expect(s.logged).toContainEqual(['error', 'catching up the read models failed; retrying', { error: 'Error: event store unavailable' }]);
    expect(await grandTotal(storage)).toBe(11);
    await projections.stop();
  });

  it('restarts after its progress marks: nothing is read again, nothing counted twice', async () => {
    const s = setup();
    history(s);
    const storage = createMemoryReadModelStorage<Counter>();
    const first = await s.start([storage]);
    await first.caughtUp;
    await first.stop();
    s.add('counter-2', 1, 6);
    s.reads.length = 0;
    const second = await s.start([storage]);
    await second.caughtUp;
    expect(s.reads[0]).toBe(4);
    expect(second.position()).toBe(5);
    expect(await storage.documents.load('counter-1')).toEqual({ streamRevision: 1, total: 7 });
    expect(await grandTotal(storage)).toBe(17);
    await second.stop();
  });

  it('starts from the read model furthest behind; the ones ahead count nothing twice', async () => {
    const s = setup();
    history(s);
    const ahead = createMemoryReadModelStorage<Counter>();
    const first = await s.start([ahead]);
    await first.caughtUp;
    await first.stop();
    const added = createMemoryReadModelStorage<Counter>();
    s.reads.length = 0;
    const second = await s.start([ahead, added]);
    await second.caughtUp;
    expect(s.reads[0]).toBe(0);
    expect([await grandTotal(ahead), await grandTotal(added)]).toEqual([11, 11]);
    expect(await ahead.documents.load('counter-2')).toEqual({ streamRevision: 0, total: 4 });
    await second.stop();
  });

  it('after a restart, the final progress line says 100 % (done and total count the same events)', async () => {
    const s = setup();
    history(s);
    const storage = createMemoryReadModelStorage<Counter>();
    const first = await s.start([storage]);
    await first.caughtUp;
    await first.stop();
    s.add('counter-2', 1, 6);
    const second = await s.start([storage]);
    await second.caughtUp;
    await second.stop();
    const final = s.progress.at(-1);
    expect(final?.line).toContain('(100%)');
    expect(final?.figures.done).toBe(final?.figures.total);
  });

  it('stops promptly while idle, and applies nothing afterwards', async () => {
    const s = setup();
    history(s);
    const storage = createMemoryReadModelStorage<Counter>();
    const projections = await s.start([storage], 60_000);
    await projections.caughtUp;
    await settled();
    await projections.stop();
    const reads = s.reads.length;
    s.add('counter-2', 1, 6);
    projections.nudge();
    await settled();
    expect(s.reads).toHaveLength(reads);
    expect(projections.position()).toBe(4);
    expect(await grandTotal(storage)).toBe(11);
  });

  it('stops promptly while a poll is still in flight, not after a whole idle interval', async () => {
    const s = setup();
    history(s);
    const projections = await s.start([createMemoryReadModelStorage<Counter>()], 60_000);
    await projections.caughtUp;
    // The loop's first live poll has begun but not finished: it is not waiting yet, so there is nothing to wake.
    const outcome = await Promise.race([projections.stop().then(() => 'stopped'), sleep(500).then(() => 'still running')]);
    expect(outcome).toBe('stopped');
  });
});

describe('startInProcessProjections: empty read models are filled by one bulk replay', () => {
  const start = (s: ReturnType<typeof setup>, bindings: ReturnType<typeof bindReadModel>[]) =>
    startInProcessProjections({ feed: s.feed, readModels: bindings, log: (...entry) => void s.logged.push(entry), progress: (line, figures) => void s.progress.push({ line, figures }), pageSize: 2, retryDelayMs: 5 });

  it('replays the history once for every empty read model, writes each document once, then follows the store', async () => {
    const s = setup();
    history(s);
    const [a, b] = [createResettableMemoryStorage<Counter>(), createResettableMemoryStorage<Counter>()];
    const saves: string[] = [];
    const counted = { ...a.storage, documents: { ...a.storage.documents, save: (id: string, d: Counter) => (saves.push(id), a.storage.documents.save(id, d)) } };
    const projections = await start(s, [bindReadModel(counterProjection, counted, a.reset), bindReadModel(counterProjection, b.storage, b.reset)]);
    await projections.caughtUp;
    // One pass over the feed for both read models (pages of at least 1,000), no guarded save per event.
    // (The live loop may already have polled from the head.)
    expect(s.reads.filter((after) => after < 4)).toEqual([0]);
    expect(saves).toEqual([]);
    expect(projections.status()).toEqual({ state: 'live', position: 4, head: 4 });
    for (const { storage } of [a, b]) {
      expect(await storage.documents.load('counter-1')).toEqual({ streamRevision: 1, total: 7 });
      expect(await grandTotal(storage)).toBe(11);
      expect(await storage.progress.marks()).toEqual([{ lane: storeLane, sequence: 4, position: 4 }]);
    }
    expect(s.progress.at(-1)?.line).toMatch(/^read models replaying the history \(counter, counter\): 4 \/ 4 events \(100%\)/);
    s.add('counter-2', 1, 6);
    projections.nudge();
    await pollUntil(() => projections.position(), { timeoutMs: 2_000, intervalMs: 1, until: (p) => p === 5, description: 'position 5' });
    expect(await grandTotal(a.storage)).toBe(17);
    await projections.stop();
  });

  it('waits for its start signal (the open port) before reading anything, reporting catching-up meanwhile', async () => {
    const s = setup();
    history(s);
    let open: () => void = () => undefined;
    const listening = new Promise<void>((resolve) => {
      open = resolve;
    });
    const states: string[] = [];
    const target = createResettableMemoryStorage<Counter>();
    const projections = await startInProcessProjections({
      feed: s.feed, readModels: [bindReadModel(counterProjection, target.storage, target.reset)], log: () => undefined, startWhen: listening,
      progress: () => void states.push(projections.status().state),
    });
    await settled();
    expect(s.reads).toEqual([]);
    expect(projections.status()).toEqual({ state: 'catching-up', position: 0, head: 4 });
    open();
    await projections.caughtUp;
    // The replay reported its progress while replaying, and then the feed went live.
    expect(states).toEqual(['replaying']);
    expect(projections.status()).toEqual({ state: 'live', position: 4, head: 4 });
    await projections.stop();
  });

  it('stops while still waiting for its start signal', async () => {
    const s = setup();
    history(s);
    const projections = await startInProcessProjections({ feed: s.feed, readModels: [bindReadModel(counterProjection, createMemoryReadModelStorage<Counter>())], log: () => undefined, progress: () => undefined, startWhen: new Promise(() => undefined) });
    await projections.stop();
    expect(s.reads).toEqual([]);
  });

  it('replays an empty read model beside one that resumes from its mark, counting nothing twice in either', async () => {
    const s = setup();
    history(s);
    const ahead = createResettableMemoryStorage<Counter>();
    const first = await start(s, [bindReadModel(counterProjection, ahead.storage, ahead.reset)]);
    await first.caughtUp;
    await first.stop();
    s.add('counter-2', 1, 6);
    const added = createResettableMemoryStorage<Counter>();
    const second = await start(s, [bindReadModel(counterProjection, ahead.storage, ahead.reset), bindReadModel(counterProjection, added.storage, added.reset)]);
    await second.caughtUp;
    expect(second.position()).toBe(5);
    expect([await grandTotal(ahead.storage), await grandTotal(added.storage)]).toEqual([17, 17]);
    await second.stop();
  });

  it('fills again a read model whose mark is past the head (the event store was replaced), with a warning', async () => {
    const s = setup();
    history(s);
    const stale = createResettableMemoryStorage<Counter>();
    await stale.storage.documents.save('counter-9', { streamRevision: 0, total: 1000 });
    await stale.storage.progress.record({ lane: storeLane, sequence: 90, position: 90 });
    const projections = await start(s, [bindReadModel(counterProjection, stale.storage, stale.reset)]);
    await projections.caughtUp;
    expect(await stale.storage.documents.load('counter-9')).toBeNull();
    expect(await grandTotal(stale.storage)).toBe(11);
    expect(s.logged[0]?.[1]).toMatch(/ahead of the event store/);
    await projections.stop();
  });

  it('empties and replays again after a replay that failed half way', async () => {
    const s = setup();
    history(s);
    const target = createResettableMemoryStorage<Counter>();
    let failOnce = true;
    const flaky = {
      ...target.storage,
      documents: {
        ...target.storage.documents,
        insertAbsent: async (batch: Parameters<typeof target.storage.documents.insertAbsent>[0]) => {
          if (failOnce) {
            failOnce = false;
            await target.storage.documents.insertAbsent(batch.slice(0, 1));
            throw new Error('read store went away');
          }
          return target.storage.documents.insertAbsent(batch);
        },
      },
    };
    const projections = await start(s, [bindReadModel(counterProjection, flaky, target.reset)]);
    await projections.caughtUp;
    expect(s.logged).toContainEqual(['error', 'replaying the history into the read models failed; retrying', { error: 'Error: read store went away' }]);
    expect(await target.storage.documents.load('counter-1')).toEqual({ streamRevision: 1, total: 7 });
    expect(await grandTotal(target.storage)).toBe(11);
    await projections.stop();
  });
});
