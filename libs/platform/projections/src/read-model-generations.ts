import type { Connection } from 'mongoose';
import { createMongooseCounterStore, createMongooseProgressStore } from './mongoose-counter-store';
import { createMongooseReadModelStore } from './mongoose-read-model-store';
import type { ProjectedDocument } from './projection';
import { readOptionsOf, writeOptionsOf } from './mongo-call-options';
import type { ReadModelStorage, StoreCallOptions } from './read-model-store.port';

/**
 * Which generation of each read model is live. A rebuild fills a fresh
 * generation beside the live one and then flips `active` in one
 * single-document write; consumers and queries follow the pointer.
 */
export type ReadModelGenerations = Readonly<{
  /** The live generation (1 until anything was rebuilt). Queries ask for it through the read-store breaker, which passes its signal. */
  active: (readModel: string, options?: StoreCallOptions) => Promise<number>;
  /** Reserves a new, never-used generation number for a rebuild. */
  reserve: (readModel: string) => Promise<number>;
  /** Makes `generation` live if `previous` still is (compare-and-swap); false if another rebuild won. */
  activate: (readModel: string, generation: number, previous: number) => Promise<boolean>;
}>;

type StoredPointer = { _id: string; active: number; latest: number };

export const generationsCollection = 'read-model-generations';

export const createMongooseGenerations = (connection: Connection): ReadModelGenerations => {
  const pointers = connection.collection<StoredPointer>(generationsCollection);
  // A plain read first: queries ask for the pointer every second, and only the very first call needs to write it.
  const ensure = async (readModel: string, options?: StoreCallOptions): Promise<StoredPointer> => {
    const read = readOptionsOf(options);
    const existing = await pointers.findOne({ _id: readModel }, read);
    if (existing !== null) return existing;
    const created = await pointers.findOneAndUpdate(
      { _id: readModel },
      { $setOnInsert: { active: 1, latest: 1 } },
      { ...writeOptionsOf(options), upsert: true, returnDocument: 'after' },
    );
    return created ?? { _id: readModel, active: 1, latest: 1 };
  };
  return {
    active: async (readModel, options) => (await ensure(readModel, options)).active,
    reserve: async (readModel) => {
      await ensure(readModel);
      const updated = await pointers.findOneAndUpdate({ _id: readModel }, { $inc: { latest: 1 } }, { returnDocument: 'after' });
      if (updated === null) throw new Error(`generation pointer of ${readModel} vanished`);
      return updated.latest;
    },
    activate: async (readModel, generation, previous) =>
      (await pointers.updateOne({ _id: readModel, active: previous }, { $set: { active: generation } })).matchedCount === 1,
  };
};

/** Collection names of one generation: `<read model>.g<n>.<part>`. */
export const generationCollections = (readModel: string, generation: number) => {
  const base = `${readModel}.g${generation}`;
  return { documents: `${base}.documents`, counters: `${base}.counters`, progress: `${base}.progress` } as const;
};

/**
 * The consumer group of one generation: a rebuilt generation catches up on
 * its own offsets. The topic prefix (deployment namespace) applies to groups too.
 */
export const generationGroupId = (readModel: string, generation: number, prefix = ''): string => `${prefix}${readModel}.g${generation}`;

export type MongooseReadModelStorage<TDocument extends ProjectedDocument> = ReadModelStorage<TDocument> &
  Readonly<{ generation: number; collections: ReturnType<typeof generationCollections>; drop: () => Promise<void> }>;

export const openMongooseReadModelStorage = <TDocument extends ProjectedDocument>(
  connection: Connection,
  readModel: string,
  generation: number,
): MongooseReadModelStorage<TDocument> => {
  const collections = generationCollections(readModel, generation);
  return {
    generation,
    collections,
    documents: createMongooseReadModelStore<TDocument>(connection, collections.documents),
    counters: createMongooseCounterStore(connection, collections.counters),
    progress: createMongooseProgressStore(connection, collections.progress),
    drop: async () => {
      for (const name of Object.values(collections)) await connection.dropCollection(name).catch(() => undefined);
    },
  };
};
