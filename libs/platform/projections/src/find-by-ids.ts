import type { mongo } from 'mongoose';
import type { DriverCallOptions } from './mongo-call-options';

/**
 * The documents among `ids` that exist, in no particular order, in one
 * round trip: `find({ _id: { $in: ids } })`, an index lookup per id on
 * MongoDB and on the FerretDB tools/infra builds (its patch pushes `_id $in`
 * down to the backend's `_id` index; see docs/read-store.md). An unpatched
 * FerretDB v1 answers the same query by decoding the whole collection.
 */
export const findByIds = async <TSchema extends mongo.Document>(
  collection: mongo.Collection<TSchema>,
  ids: readonly string[],
  options: DriverCallOptions & Pick<mongo.FindOptions, 'projection'>,
): Promise<TSchema[]> => {
  if (ids.length === 0) return [];
  const filter = (ids.length === 1 ? { _id: ids[0] } : { _id: { $in: [...ids] } }) as unknown as mongo.Filter<TSchema>;
  return (await collection.find(filter, options).toArray()) as TSchema[];
};
