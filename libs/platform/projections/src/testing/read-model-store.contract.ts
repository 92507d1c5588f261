import { sumCounterFigures } from '../counters';
import type { DocumentQuery } from '../document-query';
import { sortKeyOf } from '../document-query';
import type { CounterStore, ProgressStore, ReadModelStore } from '../read-model-store.port';

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

    it('loads many documents in one call, leaving missing ones out', async () => {
      await store.save('a', { streamRevision: 0, label: 'first' });
      await store.save('b', { streamRevision: 1, label: 'second' });
      const found = await store.loadMany(['a', 'b', 'missing']);
      expect([...found.keys()].sort()).toEqual(['a', 'b']);
      expect(found.get('b')).toEqual({ streamRevision: 1, label: 'second' });
      expect((await store.loadMany([])).size).toBe(0);
    });

    it('inserts absent documents in bulk, leaves stored ones untouched and names them', async () => {
      await store.save('b', { streamRevision: 4, label: 'stored' });
      const present = await store.insertAbsent([
        ['a', { streamRevision: 0, label: 'new a' }],
        ['b', { streamRevision: 9, label: 'would overwrite' }],
        ['c', { streamRevision: 2, label: 'new c', note: 'n' }],
      ]);
      expect(present).toEqual(['b']);
      expect(await store.load('a')).toEqual({ streamRevision: 0, label: 'new a' });
      expect(await store.load('b')).toEqual({ streamRevision: 4, label: 'stored' });
      expect(await store.load('c')).toEqual({ streamRevision: 2, label: 'new c', note: 'n' });
      // The revision guard holds for what was inserted in bulk.
      expect(await store.save('c', { streamRevision: 2, label: 'same revision' })).toBe('stale');
      expect(await store.insertAbsent([])).toEqual([]);
    });

    it('lets exactly one of two racing first writes at one revision win, and the newer of two revisions', async () => {
      const outcomes = await Promise.all([store.save('b', { streamRevision: 0, label: 'x' }), store.save('b', { streamRevision: 0, label: 'y' })]);
      expect([...outcomes].sort()).toEqual(['stale', 'written']);
      await Promise.all([store.save('c', { streamRevision: 1, label: 'old' }), store.save('c', { streamRevision: 5, label: 'new' })]);
      expect(await store.load('c')).toEqual({ streamRevision: 5, label: 'new' });
    });
  });
};

/** Queries, for every adapter: equality, ranges, sort with tie-break, skip and limit. */
export const readModelQueryContract = (name: string, open: () => Promise<ReadModelStore<Row & { rank: number; group: string; tags?: string[] }>>): void => {
  describe(`read-model query contract: ${name}`, () => {
    it('filters by equality and inclusive ranges, sorts and pages', async () => {
      const store = await open();
      const rows = [
        { label: 'a', rank: 3, group: 'x' }, { label: 'b', rank: 1, group: 'x' }, { label: 'c', rank: 2, group: 'y' },
        { label: 'd', rank: 2, group: 'x' }, { label: 'e', rank: 5, group: 'x' },
      ];
      for (const row of rows) await store.save(row.label, { ...row, streamRevision: 0 });
      const labels = async (query: Parameters<typeof store.find>[0]) => (await store.find(query)).map((r) => r.label);
      expect(await labels({ equals: { group: 'x' }, sort: [['rank', 1], ['label', 1]] })).toEqual(['b', 'd', 'a', 'e']);
      expect(await labels({ equals: { group: 'x' }, ranges: { rank: { gte: 2, lte: 3 } }, sort: [['rank', -1], ['label', -1]] })).toEqual(['a', 'd']);
      expect(await labels({ ranges: { label: { gte: 'c' } }, sort: [['label', 1]], skip: 1, limit: 2 })).toEqual(['d', 'e']);
      expect(await labels({ ranges: { rank: { gte: undefined, lte: 1 } } })).toEqual(['b']);
      expect(await labels({ equals: { group: 'z' } })).toEqual([]);
    });

    it('filters by membership, array elements and prefixes, combined with the rest', async () => {
      const store = await open();
      const rows = [
        { label: 'acme', rank: 1, group: 'x', tags: ['vip', 'emea'] }, { label: 'acorn', rank: 2, group: 'y', tags: ['emea'] },
        { label: 'bolt', rank: 3, group: 'z', tags: [] }, { label: 'a.c', rank: 4, group: 'x', tags: ['vip'] },
      ];
      for (const row of rows) await store.save(row.label, { ...row, streamRevision: 0 });
      const labels = async (query: Parameters<typeof store.find>[0]) => (await store.find({ ...query, sort: [['label', 1]] })).map((r) => r.label);
      expect(await labels({ oneOf: { group: ['x', 'z'] } })).toEqual(['a.c', 'acme', 'bolt']);
      expect(await labels({ contains: { tags: 'vip' } })).toEqual(['a.c', 'acme']);
      expect(await labels({ contains: { tags: 'emea' }, equals: { group: 'y' } })).toEqual(['acorn']);
      expect(await labels({ prefix: { label: 'ac' } })).toEqual(['acme', 'acorn']);
      // A prefix is literal text, not a pattern: "a." does not match "acme".
      expect(await labels({ prefix: { label: 'a.' } })).toEqual(['a.c']);
      expect(await labels({ prefix: { tags: 'em' }, ranges: { rank: { gte: 2 } } })).toEqual(['acorn']);
      expect(await labels({ oneOf: { group: [] } })).toEqual([]);
    });

    describe('keyset bound (after)', () => {
      // By rank then label: b(1) c(2) d(2) f(2) a(3) e(5); groups x: a b d e, y: c, z: f.
      const rows = [
        { label: 'a', rank: 3, group: 'x' }, { label: 'b', rank: 1, group: 'x' }, { label: 'c', rank: 2, group: 'y' },
        { label: 'd', rank: 2, group: 'x' }, { label: 'e', rank: 5, group: 'x' }, { label: 'f', rank: 2, group: 'z' },
      ];
      const filled = async () => {
        const store = await open();
        for (const row of rows) await store.save(row.label, { ...row, streamRevision: 0 });
        return { store, labels: async (query: DocumentQuery) => (await store.find(query)).map((r) => r.label) };
      };

      it('ascending: strictly after the tuple, ties on the first field broken by the second', async () => {
        const { labels } = await filled();
        const sort = [['rank', 1], ['label', 1]] as const;
        expect(await labels({ sort })).toEqual(['b', 'c', 'd', 'f', 'a', 'e']);
        expect(await labels({ sort, after: [2, 'c'] })).toEqual(['d', 'f', 'a', 'e']);
        expect(await labels({ sort, after: [1, 'b'], limit: 2 })).toEqual(['c', 'd']);
        // A tuple no row has: the rows beyond it.
        expect(await labels({ sort, after: [2, 'cc'] })).toEqual(['d', 'f', 'a', 'e']);
        expect(await labels({ sort, after: [0, 'z'] })).toEqual(['b', 'c', 'd', 'f', 'a', 'e']);
        // Text first: groups, then labels.
        expect(await labels({ sort: [['group', 1], ['label', 1]], after: ['x', 'e'] })).toEqual(['c', 'f']);
      });

      it('descending on every field', async () => {
        const { labels } = await filled();
        const sort = [['rank', -1], ['label', -1]] as const;
        expect(await labels({ sort })).toEqual(['e', 'a', 'f', 'd', 'c', 'b']);
        expect(await labels({ sort, after: [2, 'f'] })).toEqual(['d', 'c', 'b']);
        expect(await labels({ sort, after: [3, 'a'], limit: 2 })).toEqual(['f', 'd']);
        expect(await labels({ sort: [['group', -1], ['label', -1]], after: ['y', 'c'] })).toEqual(['e', 'd', 'b', 'a']);
      });

      it('mixed directions: each field in its own', async () => {
        const { labels } = await filled();
        expect(await labels({ sort: [['rank', -1], ['label', 1]] })).toEqual(['e', 'a', 'c', 'd', 'f', 'b']);
        expect(await labels({ sort: [['rank', -1], ['label', 1]], after: [2, 'c'] })).toEqual(['d', 'f', 'b']);
        expect(await labels({ sort: [['rank', -1], ['label', 1]], after: [3, 'a'] })).toEqual(['c', 'd', 'f', 'b']);
        expect(await labels({ sort: [['rank', 1], ['label', -1]], after: [2, 'f'] })).toEqual(['d', 'c', 'a', 'e']);
      });

      it('after the last row: nothing; combined with filters, ranges and a limit', async () => {
        const { labels } = await filled();
        expect(await labels({ sort: [['rank', 1], ['label', 1]], after: [5, 'e'] })).toEqual([]);
        expect(await labels({ sort: [['rank', -1], ['label', -1]], after: [1, 'b'] })).toEqual([]);
        expect(await labels({ sort: [['rank', 1], ['label', 1]], after: [9, 'a'] })).toEqual([]);
        expect(await labels({ equals: { group: 'x' }, sort: [['rank', 1], ['label', 1]], after: [2, 'c'] })).toEqual(['d', 'a', 'e']);
        expect(await labels({ oneOf: { group: ['x', 'z'] }, ranges: { rank: { lte: 3 } }, sort: [['rank', 1], ['label', 1]], after: [2, 'd'], limit: 2 })).toEqual(['f', 'a']);
      });

      it('pages through every row by the last row of each page, none skipped or repeated', async () => {
        const { store } = await filled();
        const sort = [['rank', -1], ['label', 1]] as const;
        const seen: string[] = [];
        let after: DocumentQuery['after'];
        for (let page = 0; page < 10; page++) {
          const found = await store.find({ sort, after, limit: 4 });
          seen.push(...found.map((r) => r.label));
          if (found.length < 4) break;
          after = sortKeyOf(found[found.length - 1]!, sort);
        }
        expect(seen).toEqual(['e', 'a', 'c', 'd', 'f', 'b']);
      });

      it('refuses a bound that does not give one value per sort field', async () => {
        const { store } = await filled();
        await expect(Promise.resolve().then(() => store.find({ sort: [['rank', 1]], after: [1, 'b'] }))).rejects.toThrow('one value per sort field');
        await expect(Promise.resolve().then(() => store.find({ after: [1] }))).rejects.toThrow('one value per sort field');
      });
    });
  });
};

/** Counters sharded per lane and lane marks, for every adapter. */
export const counterAndProgressContract = (name: string, open: () => Promise<{ counters: CounterStore; progress: ProgressStore }>): void => {
  describe(`counter and progress contract: ${name}`, () => {
    const delta = (increments: Record<string, number>, bucket = 'b1') => ({ counterId: `c-${bucket}`, keys: { tenantId: 't', bucket }, increments });

    it("adds a batch's increments only from the sequence it read, and reads each lane's last sequence", async () => {
      const { counters } = await open();
      expect(await counters.lastSequences(['c-b1', 'c-b2'], 'p0')).toEqual(new Map());
      expect(await counters.incrementAfter(delta({ n: 2 }), { id: 'p0', sequence: 7 }, undefined)).toBe('written');
      // Someone else's view: absent, then at 3; both are stale now.
      expect(await counters.incrementAfter(delta({ n: 100 }), { id: 'p0', sequence: 9 }, undefined)).toBe('stale');
      expect(await counters.incrementAfter(delta({ n: 100 }), { id: 'p0', sequence: 9 }, 3)).toBe('stale');
      expect(await counters.incrementAfter(delta({ n: 5 }), { id: 'p0', sequence: 12 }, 7)).toBe('written');
      expect(await counters.lastSequences(['c-b1', 'c-b2'], 'p0')).toEqual(new Map([['c-b1', 12]]));
      expect(await counters.lastSequences(['c-b1'], 'p1')).toEqual(new Map());
      // The per-event guard sees what the batch wrote.
      expect(await counters.increment(delta({ n: 1 }), { id: 'p0', sequence: 12 })).toBe('stale');
      expect(sumCounterFigures(await counters.find({ equals: { bucket: 'b1' } }))).toEqual({ n: 7 });
    });

    it('adds increments per lane, refuses a sequence the lane already applied, and finds by keys', async () => {
      const { counters } = await open();
      expect(await counters.increment(delta({ 'open.lead.count': 1, 'open.lead.amount.EUR': 150000 }), { id: 'p0', sequence: 4 })).toBe('written');
      expect(await counters.increment(delta({ 'open.lead.count': 1 }), { id: 'p0', sequence: 4 })).toBe('stale');
      expect(await counters.increment(delta({ 'open.lead.count': 1 }), { id: 'p0', sequence: 2 })).toBe('stale');
      expect(await counters.increment(delta({ 'open.lead.count': -1, won: 1 }), { id: 'p0', sequence: 7 })).toBe('written');
      expect(await counters.increment(delta({ 'open.lead.count': 2 }), { id: 'p1', sequence: 1 })).toBe('written');
      expect(await counters.increment(delta({ 'open.lead.count': 9 }, 'b2'), { id: 'p1', sequence: 2 })).toBe('written');
      const figures = await counters.find({ equals: { tenantId: 't', bucket: 'b1' } });
      expect(sumCounterFigures(figures)).toEqual({ 'open.lead.count': 2, 'open.lead.amount.EUR': 150000, won: 1 });
      expect(figures).toHaveLength(2);
      expect(sumCounterFigures(await counters.find({ equals: { tenantId: 't' }, ranges: { bucket: { gte: 'b2' } } }))).toEqual({ 'open.lead.count': 9 });
    });

    it('looks counters up by id on the lanes named, leaving out absent ones', async () => {
      const { counters } = await open();
      await counters.increment(delta({ n: 1 }), { id: 'p0', sequence: 1 });
      await counters.increment(delta({ n: 2 }), { id: 'p1', sequence: 1 });
      await counters.increment(delta({ n: 4 }, 'b2'), { id: 'p0', sequence: 2 });
      await counters.increment(delta({ n: 8 }, 'b3'), { id: 'p0', sequence: 3 });
      expect(sumCounterFigures(await counters.figuresOf(['c-b1', 'c-b2', 'c-missing'], ['p0', 'p1', 'p9']))).toEqual({ n: 7 });
      expect(await counters.figuresOf(['c-b1'], ['p1'])).toEqual([{ n: 2 }]);
      expect(await counters.figuresOf([], ['p0'])).toEqual([]);
      expect(await counters.figuresOf(['c-b1'], [])).toEqual([]);
    });

    it('lane marks only move forward', async () => {
      const { progress } = await open();
      await progress.record({ lane: 'crm.x#0', sequence: 5, position: 40 });
      await progress.record({ lane: 'crm.x#0', sequence: 3, position: 20 });
      await progress.record({ lane: 'store', sequence: 90, position: 90 });
      const marks = (await progress.marks()).sort((a, b) => a.lane.localeCompare(b.lane));
      expect(marks).toEqual([{ lane: 'crm.x#0', sequence: 5, position: 40 }, { lane: 'store', sequence: 90, position: 90 }]);
    });
  });
};
