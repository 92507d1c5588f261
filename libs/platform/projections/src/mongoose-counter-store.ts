import type { Connection } from 'mongoose';
import type { CounterFigures } from './counters';
import { mongoFilterOf } from './document-query';
import type { DriverCallOptions } from './mongo-call-options';
import { readOptionsOf, writeOptionsOf } from './mongo-call-options';
import { findByIds } from './find-by-ids';
import { isDuplicateKey } from './mongoose-read-model-store';
import type { CounterStore, DeliveryLane, LaneMark, ProgressStore, WriteOutcome } from './read-model-store.port';
import type { CounterDelta } from './counters';

type StoredCounter = { _id: string; lane: string; lastSequence: number; figures?: Record<string, unknown> } & Record<string, unknown>;
type StoredMark = { _id: string; sequence: number; position: number };

/** `$inc` nests dotted paths; read back, the figures are flattened to the same paths. */
const flatten = (value: Record<string, unknown>, prefix = '', into: Record<string, number> = {}): Record<string, number> => {
  for (const [key, inner] of Object.entries(value)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof inner === 'number') into[path] = inner;
    else if (typeof inner === 'object' && inner !== null) flatten(inner as Record<string, unknown>, path, into);
  }
  return into;
};

/**
 * One document per (counter, lane). The guard and the increment are one
 * single-document update — `{ _id, lastSequence: { $lt: s } }` with `$inc`
 * and `$set: { lastSequence: s }` — so a crash can never split them. As with
 * documents, E11000 from the upsert means the lane already applied `s`.
 * Calls take the caller's AbortSignal to the driver (see mongo-call-options.ts).
 */
export const createMongooseCounterStore = (connection: Connection, collectionName: string): CounterStore => {
  // Untyped on purpose: `$inc` paths are built at run time (`figures.<path>`).
  const collection = connection.collection(collectionName);

  const update = async (delta: CounterDelta, lane: DeliveryLane, upsert: boolean, driver: DriverCallOptions): Promise<WriteOutcome> => {
    const increments = Object.fromEntries(Object.entries(delta.increments).map(([field, value]) => [`figures.${field}`, value]));
    const result = await collection.updateOne(
      { _id: `${delta.counterId}@${lane.id}` as unknown as never, lastSequence: { $lt: lane.sequence } },
      { $inc: increments, $set: { lastSequence: lane.sequence }, $setOnInsert: { ...delta.keys, lane: lane.id } },
      { ...driver, upsert },
    );
    return result.matchedCount > 0 || result.upsertedCount > 0 ? 'written' : 'stale';
  };

  const incrementsOf = (delta: CounterDelta) => Object.fromEntries(Object.entries(delta.increments).map(([field, value]) => [`figures.${field}`, value]));

  return {
    lastSequences: async (counterIds, laneId, options) => {
      const found = await findByIds(collection, counterIds.map((id) => `${id}@${laneId}`), { ...readOptionsOf(options), projection: { lastSequence: 1 } });
      const suffix = `@${laneId}`.length;
      return new Map(found.map((stored) => [String(stored._id).slice(0, -suffix), (stored as unknown as StoredCounter).lastSequence]));
    },
    incrementAfter: async (delta, lane, after, options) => {
      const _id = `${delta.counterId}@${lane.id}` as unknown as never;
      const update = { $inc: incrementsOf(delta), $set: { lastSequence: lane.sequence }, $setOnInsert: { ...delta.keys, lane: lane.id } };
      try {
        // Absent when read: insert it (a concurrent insert makes this E11000, i.e. stale); else only from where it was read.
        const result = after === undefined
          ? await collection.updateOne({ _id, lastSequence: { $exists: false } }, update, { ...writeOptionsOf(options), upsert: true })
          : await collection.updateOne({ _id, lastSequence: after }, update, writeOptionsOf(options));
        return result.matchedCount > 0 || result.upsertedCount > 0 ? 'written' : 'stale';
      } catch (error) {
        if (isDuplicateKey(error)) return 'stale';
        throw error;
      }
    },
    increment: async (delta, lane, options) => {
      const driver = writeOptionsOf(options);
      try {
        return await update(delta, lane, true, driver);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        return update(delta, lane, false, driver);
      }
    },
    find: async (query, options) => {
      const found = await collection.find(mongoFilterOf(query), { ...readOptionsOf(options), projection: { figures: 1 } }).toArray();
      return found.map((document): CounterFigures => flatten((document as unknown as StoredCounter).figures ?? {}));
    },
    figuresOf: async (counterIds, laneIds, options) => {
      const ids = counterIds.flatMap((counterId) => laneIds.map((lane) => `${counterId}@${lane}`));
      const found = await findByIds(collection, ids, { ...readOptionsOf(options), projection: { figures: 1 } });
      return found.map((document): CounterFigures => flatten((document as unknown as StoredCounter).figures ?? {}));
    },
  };
};

/** Lane marks only move forward (`$max`), so a late or replayed report can't move one back. */
export const createMongooseProgressStore = (connection: Connection, collectionName: string): ProgressStore => {
  const collection = connection.collection<StoredMark>(collectionName);
  return {
    record: async (mark: LaneMark, options) => {
      await collection.updateOne({ _id: mark.lane }, { $max: { sequence: mark.sequence, position: mark.position } }, { ...writeOptionsOf(options), upsert: true });
    },
    marks: async (options) => (await collection.find({}, readOptionsOf(options)).toArray()).map((m) => ({ lane: m._id, sequence: m.sequence, position: m.position })),
  };
};
