import type { Connection, mongo } from 'mongoose';
import { inFlightAtMost } from './in-flight-at-most';
import type { DriverCallOptions } from './mongo-call-options';

/**
 * How a batch of documents is looked up by `_id`, per server:
 * - MongoDB: one `find({ _id: { $in: ids } })`, an index lookup per id in one
 *   round trip.
 * - FerretDB (v1, any backend): it does not push `$in` (nor `$or`) down to
 *   its SQL backend, so that query reads and decodes the whole collection.
 *   Measured on the PostgreSQL handler: 50 ids took 119 ms at 1,000 documents
 *   and 2,052 ms at 20,000, while 50 single-`_id` lookups, 4 at a time, took
 *   66 and 361 ms (docs/benchmarks.md). A single `_id` equality is pushed
 *   down, so there a batch is point lookups, a few in flight.
 */
export type IdLookup = 'in-query' | 'point-lookups';

const pointLookupsInFlight = 4;
const lookups = new WeakMap<Connection, Promise<IdLookup>>();

/** Asked once per connection: FerretDB answers `buildInfo` with a `ferretdbVersion`. */
export const idLookupOf = (connection: Connection): Promise<IdLookup> => {
  let lookup = lookups.get(connection);
  if (lookup === undefined) {
    lookup = (async (): Promise<IdLookup> => {
      const db = connection.db;
      if (db === undefined) throw new Error('the read-model connection is not open');
      const info = await db.admin().command({ buildInfo: 1 });
      return typeof info.ferretdbVersion === 'string' ? 'point-lookups' : 'in-query';
    })();
    // A failed probe (the server was down) is asked again next time rather than remembered.
    lookup.catch(() => lookups.delete(connection));
    lookups.set(connection, lookup);
  }
  return lookup;
};

/** The documents among `ids` that exist, in no particular order, looked up as `lookup` says (see `idLookupOf`). */
export const findByIds = async <TSchema extends mongo.Document>(
  collection: mongo.Collection<TSchema>,
  ids: readonly string[],
  options: DriverCallOptions & Pick<mongo.FindOptions, 'projection'>,
  lookup: IdLookup,
): Promise<TSchema[]> => {
  if (ids.length === 0) return [];
  const byId = (id: string | { $in: string[] }) => ({ _id: id }) as unknown as mongo.Filter<TSchema>;
  if (ids.length === 1 || lookup === 'point-lookups') {
    const found: TSchema[] = [];
    await inFlightAtMost(pointLookupsInFlight, ids, async (id) => {
      const document = await collection.findOne(byId(id), options);
      if (document !== null) found.push(document as TSchema);
    });
    return found;
  }
  return (await collection.find(byId({ $in: [...ids] }), options).toArray()) as TSchema[];
};
