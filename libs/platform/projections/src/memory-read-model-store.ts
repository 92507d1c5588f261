import type { ProjectedDocument } from './projection';
import type { ReadModelStore } from './read-model-store.port';

/** In-memory store with the same guard as the Mongo one: for unit specs and the contract suite. */
export const createMemoryReadModelStore = <TDocument extends ProjectedDocument>(): ReadModelStore<TDocument> & {
  documents: () => ReadonlyMap<string, TDocument>;
} => {
  const documents = new Map<string, TDocument>();
  const isStale = (id: string, revision: number) => (documents.get(id)?.streamRevision ?? -1) >= revision;
  return {
    load: async (id) => structuredClone(documents.get(id) ?? null),
    save: async (id, document) => {
      if (isStale(id, document.streamRevision)) return 'stale';
      documents.set(id, structuredClone(document));
      return 'written';
    },
    remove: async (id, revision) => {
      if (isStale(id, revision)) return 'stale';
      documents.delete(id);
      return 'written';
    },
    documents: () => new Map(documents),
  };
};
