import type { CounterDelta, CounterFigures } from './counters';
import { runQueryInMemory } from './document-query';
import type { ProjectedDocument } from './projection';
import type { CounterStore, LaneMark, ProgressStore, ReadModelStorage, ReadModelStore, StoreCallOptions } from './read-model-store.port';

/**
 * Memory calls finish in one turn, so only an already-aborted signal can stop
 * one: it rejects with the signal's reason and changes nothing, as a MongoDB
 * call refused before it was sent would.
 */
const refuseIfAborted = (options: StoreCallOptions | undefined): void => options?.signal?.throwIfAborted();

/** In-memory documents with the same guard as the Mongo store: for unit specs and standalone mode. */
export const createMemoryReadModelStore = <TDocument extends ProjectedDocument>(): ReadModelStore<TDocument> & {
  documents: () => ReadonlyMap<string, TDocument>;
} => {
  const documents = new Map<string, TDocument>();
  const isStale = (id: string, revision: number) => (documents.get(id)?.streamRevision ?? -1) >= revision;
  return {
    load: async (id, options) => {
      refuseIfAborted(options);
      return structuredClone(documents.get(id) ?? null);
    },
    loadMany: async (ids, options) => {
      refuseIfAborted(options);
      const found = new Map<string, TDocument>();
      for (const id of ids) {
        const document = documents.get(id);
        if (document !== undefined) found.set(id, structuredClone(document));
      }
      return found;
    },
    save: async (id, document, options) => {
      refuseIfAborted(options);
      if (isStale(id, document.streamRevision)) return 'stale';
      documents.set(id, structuredClone(document));
      return 'written';
    },
    insertAbsent: async (batch, options) => {
      refuseIfAborted(options);
      const present: string[] = [];
      for (const [id, document] of batch) {
        if (documents.has(id)) present.push(id);
        else documents.set(id, structuredClone(document));
      }
      return present;
    },
    remove: async (id, revision, options) => {
      refuseIfAborted(options);
      if (isStale(id, revision)) return 'stale';
      documents.delete(id);
      return 'written';
    },
    find: async (query, options) => {
      refuseIfAborted(options);
      return structuredClone(runQueryInMemory(documents.values(), query));
    },
    documents: () => new Map(documents),
  };
};

type CounterDocument = { keys: Record<string, string>; lastSequence: number; figures: Record<string, number> };

/** Counters sharded per lane and guarded by its sequence, like the Mongo store. */
export const createMemoryCounterStore = (): CounterStore => {
  const counters = new Map<string, CounterDocument>();
  const add = (id: string, delta: CounterDelta, sequence: number): void => {
    const current = counters.get(id) ?? { keys: { ...delta.keys }, lastSequence: -1, figures: {} };
    for (const [field, value] of Object.entries(delta.increments)) current.figures[field] = (current.figures[field] ?? 0) + value;
    current.lastSequence = sequence;
    counters.set(id, current);
  };
  return {
    increment: async (delta, lane, options) => {
      refuseIfAborted(options);
      const id = `${delta.counterId}@${lane.id}`;
      if ((counters.get(id)?.lastSequence ?? -1) >= lane.sequence) return 'stale';
      add(id, delta, lane.sequence);
      return 'written';
    },
    lastSequences: async (counterIds, laneId, options) => {
      refuseIfAborted(options);
      const found = new Map<string, number>();
      for (const counterId of counterIds) {
        const stored = counters.get(`${counterId}@${laneId}`);
        if (stored !== undefined) found.set(counterId, stored.lastSequence);
      }
      return found;
    },
    incrementAfter: async (delta, lane, after, options) => {
      refuseIfAborted(options);
      const id = `${delta.counterId}@${lane.id}`;
      if (counters.get(id)?.lastSequence !== after) return 'stale';
      add(id, delta, lane.sequence);
      return 'written';
    },
    find: async (query, options) => {
      refuseIfAborted(options);
      return runQueryInMemory([...counters.values()].map((c) => ({ ...c.keys, figures: c.figures })), query).map((c): CounterFigures => ({ ...c.figures }));
    },
    figuresOf: async (counterIds, laneIds, options) => {
      refuseIfAborted(options);
      return counterIds.flatMap((counterId) => laneIds.flatMap((lane) => {
        const stored = counters.get(`${counterId}@${lane}`);
        return stored === undefined ? [] : [{ ...stored.figures }];
      }));
    },
  };
};

export const createMemoryProgressStore = (): ProgressStore => {
  const marks = new Map<string, LaneMark>();
  return {
    record: async (mark, options) => {
      refuseIfAborted(options);
      const current = marks.get(mark.lane);
      marks.set(mark.lane, {
        lane: mark.lane,
        sequence: Math.max(current?.sequence ?? -1, mark.sequence),
        position: Math.max(current?.position ?? 0, mark.position),
      });
    },
    marks: async (options) => {
      refuseIfAborted(options);
      return [...marks.values()];
    },
  };
};

/** A whole read-model generation in memory: what standalone mode serves from. */
export const createMemoryReadModelStorage = <TDocument extends ProjectedDocument>(): ReadModelStorage<TDocument> => ({
  documents: createMemoryReadModelStore<TDocument>(),
  counters: createMemoryCounterStore(),
  progress: createMemoryProgressStore(),
});

/**
 * Memory storage that can be emptied in place (a read model filled again
 * from the history): every call goes to the current generation of memory.
 */
export const createResettableMemoryStorage = <TDocument extends ProjectedDocument>(): Readonly<{ storage: ReadModelStorage<TDocument>; reset: () => Promise<void> }> => {
  let current = createMemoryReadModelStorage<TDocument>();
  const documents: ReadModelStore<TDocument> = {
    load: (...args) => current.documents.load(...args),
    loadMany: (...args) => current.documents.loadMany(...args),
    save: (...args) => current.documents.save(...args),
    insertAbsent: (...args) => current.documents.insertAbsent(...args),
    remove: (...args) => current.documents.remove(...args),
    find: (...args) => current.documents.find(...args),
  };
  const counters: CounterStore = {
    increment: (...args) => current.counters.increment(...args),
    lastSequences: (...args) => current.counters.lastSequences(...args),
    incrementAfter: (...args) => current.counters.incrementAfter(...args),
    find: (...args) => current.counters.find(...args),
    figuresOf: (...args) => current.counters.figuresOf(...args),
  };
  const progress: ProgressStore = { record: (...args) => current.progress.record(...args), marks: (...args) => current.progress.marks(...args) };
  return {
    storage: { documents, counters, progress },
    reset: async () => {
      current = createMemoryReadModelStorage<TDocument>();
    },
  };
};
