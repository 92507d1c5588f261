import type { ReadModelStore } from '../read-model-store.port';

type Row = { streamRevision: number; label: string; note?: string | null };

/** One contract for the store port, run against every adapter (memory in unit specs, mongoose on FerretDB). */
export const readModelStoreContract = (name: string, open: () => Promise<ReadModelStore<Row>>): void => {
  describe(`read-model store contract: ${name}`, () => {
    let store: ReadModelStore<Row>;
    beforeEach(async () => {
      store = await open();
    });

    it('loads null for a missing document, then what was saved', async () => {
      expect(await store.load('a')).toBeNull();
      expect(await store.save('a', { streamRevision: 0, label: 'first' })).toBe('written');
      expect(await store.load('a')).toEqual({ streamRevision: 0, label: 'first' });
    });

    it('replaces the whole document with a newer revision (dropped fields are gone)', async () => {
      await store.save('a', { streamRevision: 0, label: 'first', note: 'x' });
      expect(await store.save('a', { streamRevision: 2, label: 'third' })).toBe('written');
      expect(await store.load('a')).toEqual({ streamRevision: 2, label: 'third' });
    });

    it('refuses the same or an older revision as stale and keeps the document', async () => {
      await store.save('a', { streamRevision: 3, label: 'kept' });
      expect(await store.save('a', { streamRevision: 3, label: 'same' })).toBe('stale');
      expect(await store.save('a', { streamRevision: 1, label: 'older' })).toBe('stale');
      expect(await store.load('a')).toEqual({ streamRevision: 3, label: 'kept' });
    });

    it('removes only for a newer revision', async () => {
      await store.save('a', { streamRevision: 3, label: 'kept' });
      expect(await store.remove('a', 3)).toBe('stale');
      expect(await store.load('a')).not.toBeNull();
      expect(await store.remove('a', 4)).toBe('written');
      expect(await store.load('a')).toBeNull();
    });

    it('lets exactly one of two racing first writes at one revision win, and the newer of two revisions', async () => {
      const outcomes = await Promise.all([store.save('b', { streamRevision: 0, label: 'x' }), store.save('b', { streamRevision: 0, label: 'y' })]);
      expect([...outcomes].sort()).toEqual(['stale', 'written']);
      await Promise.all([store.save('c', { streamRevision: 1, label: 'old' }), store.save('c', { streamRevision: 5, label: 'new' })]);
      expect(await store.load('c')).toEqual({ streamRevision: 5, label: 'new' });
    });
  });
};
