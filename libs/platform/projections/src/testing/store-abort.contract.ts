import type { ReadModelStorage } from '../read-model-store.port';

type Row = { streamRevision: number; label: string };

/** The reason a test aborts with: an adapter must reject with exactly this, not a driver error of its own. */
export class TestAbort extends Error {
  constructor() {
    super('aborted by the test');
    this.name = 'AbortError';
  }
}

const aborted = () => {
  const controller = new AbortController();
  controller.abort(new TestAbort());
  return { signal: controller.signal };
};

/**
 * Cancellation, for every adapter: a call whose signal is already aborted
 * rejects with the signal's reason and changes nothing, and a live signal
 * changes nothing about the call's result.
 */
export const storeAbortContract = (name: string, open: () => Promise<ReadModelStorage<Row>>): void => {
  describe(`store abort contract: ${name}`, () => {
    let storage: ReadModelStorage<Row>;
    beforeEach(async () => {
      storage = await open();
    });

    it('refuses every write with an aborted signal, with the signal reason, and writes nothing', async () => {
      const lane = { id: 'crm.x#0', sequence: 1 };
      const delta = { counterId: 'c', keys: { tenantId: 't' }, increments: { count: 1 } };
      await expect(storage.documents.save('a', { streamRevision: 0, label: 'never' }, aborted())).rejects.toBeInstanceOf(TestAbort);
      await expect(storage.counters.increment(delta, lane, aborted())).rejects.toBeInstanceOf(TestAbort);
      await expect(storage.progress.record({ lane: lane.id, sequence: 1, position: 10 }, aborted())).rejects.toBeInstanceOf(TestAbort);

      expect(await storage.documents.load('a')).toBeNull();
      expect(await storage.counters.find({ equals: { tenantId: 't' } })).toEqual([]);
      expect(await storage.progress.marks()).toEqual([]);
    });

    it('refuses a removal with an aborted signal and keeps the document', async () => {
      await storage.documents.save('a', { streamRevision: 0, label: 'kept' });
      await expect(storage.documents.remove('a', 5, aborted())).rejects.toBeInstanceOf(TestAbort);
      expect(await storage.documents.load('a')).toEqual({ streamRevision: 0, label: 'kept' });
    });

    it('refuses every read with an aborted signal', async () => {
      await expect(storage.documents.load('a', aborted())).rejects.toBeInstanceOf(TestAbort);
      await expect(storage.documents.find({}, aborted())).rejects.toBeInstanceOf(TestAbort);
      await expect(storage.counters.find({}, aborted())).rejects.toBeInstanceOf(TestAbort);
      await expect(storage.progress.marks(aborted())).rejects.toBeInstanceOf(TestAbort);
    });

    it('answers as usual with a signal that has not fired and a time limit', async () => {
      const live = { signal: new AbortController().signal, maxTimeMs: 5_000 };
      expect(await storage.documents.save('a', { streamRevision: 1, label: 'one' }, live)).toBe('written');
      expect(await storage.documents.load('a', live)).toEqual({ streamRevision: 1, label: 'one' });
      expect(await storage.documents.find({ equals: { label: 'one' } }, live)).toEqual([{ streamRevision: 1, label: 'one' }]);
      expect(await storage.counters.increment({ counterId: 'c', keys: { tenantId: 't' }, increments: { count: 2 } }, { id: 'p0', sequence: 1 }, live)).toBe('written');
      expect(await storage.counters.find({ equals: { tenantId: 't' } }, live)).toEqual([{ count: 2 }]);
      await storage.progress.record({ lane: 'p0', sequence: 1, position: 7 }, live);
      expect(await storage.progress.marks(live)).toEqual([{ lane: 'p0', sequence: 1, position: 7 }]);
      expect(await storage.documents.remove('a', 2, live)).toBe('written');
    });
  });
};
