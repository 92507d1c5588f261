import mongoose from 'mongoose';
import type { FerretDBHandler, FerretDBHandlers } from './testing/ferretdb-handlers';
import { startFerretDBHandlers } from './testing/ferretdb-handlers';

const { MongoClient, ObjectId, Double, Long } = mongoose.mongo;
type Id = string | number | mongoose.mongo.ObjectId | mongoose.mongo.Double | mongoose.mongo.Long;
type Row = { _id: Id; v?: number; n?: number; stage?: string; streamRevision?: number; createdBy?: string; kind?: string };

/**
 * What a read model relies on when it writes and reads by `_id`, on the
 * FerretDB tools/infra builds (patched so that `_id` lookups go through the
 * index and are pushed down beside other fields: the answers must be exactly
 * MongoDB's). Every expected value is worked out by hand from MongoDB's rules:
 * numbers compare by value across int, long and double; a string never equals
 * an ObjectId, even with the same hex; the other fields of a filter still count;
 * a guarded upsert whose guard fails collides with the stored `_id` (E11000).
 */
let servers: FerretDBHandlers;

beforeAll(async () => {
  servers = await startFerretDBHandlers();
}, 300_000); // a first run builds FerretDB (about a minute), then starts it twice

afterAll(async () => {
  await servers?.stop();
});

const duplicateKey = expect.objectContaining({ code: 11000 });
const hexA = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const hexB = 'bbbbbbbbbbbbbbbbbbbbbbbb';

describe.each(['SQLite', 'PostgreSQL'] as const)('FerretDB on its %s handler: reads and writes by _id keep MongoDB semantics', (name) => {
  let client: mongoose.mongo.MongoClient;
  let db: mongoose.mongo.Db;
  let collections = 0;
  /** A collection of the test's own. */
  const fresh = () => db.collection<Row>(`rows_${++collections}`);
  const values = (rows: Row[]) => rows.map((row) => row.v).sort((a, b) => (a ?? 0) - (b ?? 0));

  beforeAll(async () => {
    const handler = servers.handlers.find((candidate) => candidate.name === name) as FerretDBHandler;
    client = new MongoClient(handler.url, { directConnection: true, serverSelectionTimeoutMS: 5_000 });
    db = client.db(`id_semantics_${name.toLowerCase()}`);
  });

  afterAll(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await client?.close();
  });

  describe('finds by _id', () => {
    const oid = new ObjectId('650000000000000000000001');
    let stored: mongoose.mongo.Collection<Row>;

    beforeAll(async () => {
      stored = fresh();
      await stored.insertMany([
        { _id: 'opp-1', v: 1 },
        { _id: 'a<b & "c" \\ ü/é\u2028', v: 2 }, // characters JSON encoders escape in different ways
        { _id: '', v: 3 },
        { _id: oid, v: 4 },
        { _id: 42, v: 5 },
        { _id: new Double(2.5), v: 6 },
        { _id: Long.fromString('9007199254740993'), v: 7 }, // not representable as a double
        { _id: hexA, v: 8 },
        { _id: new ObjectId(hexB), v: 9 },
      ]);
    });

    const v = async (filter: mongoose.mongo.Filter<Row>) => (await stored.findOne(filter))?.v ?? null;

    it('a string _id, special characters and the empty string included, matches itself and nothing else', async () => {
      expect(await v({ _id: 'opp-1' })).toBe(1);
      expect(await v({ _id: 'OPP-1' })).toBeNull();
      expect(await v({ _id: 'opp-1 ' })).toBeNull();
      expect(await v({ _id: 'a<b & "c" \\ ü/é\u2028' })).toBe(2);
      expect(await v({ _id: '' })).toBe(3);
      expect(await v({ _id: { $eq: 'opp-1' } })).toBe(1);
    });

    it('an ObjectId _id matches the same ObjectId, never a string of the same hex (and the reverse)', async () => {
      expect(await v({ _id: new ObjectId('650000000000000000000001') })).toBe(4);
      expect(await v({ _id: '650000000000000000000001' })).toBeNull();
      expect(await v({ _id: new ObjectId(hexA) })).toBeNull(); // stored as a string
      expect(await v({ _id: hexA })).toBe(8);
      expect(await v({ _id: hexB })).toBeNull(); // stored as an ObjectId
      expect(await v({ _id: new ObjectId(hexB) })).toBe(9);
    });

    it('a numeric _id matches by value whatever the number type, and never a string of its digits', async () => {
      expect(await v({ _id: 42 })).toBe(5);
      expect(await v({ _id: new Double(42) })).toBe(5);
      expect(await v({ _id: Long.fromNumber(42) })).toBe(5);
      expect(await v({ _id: '42' })).toBeNull();
      expect(await v({ _id: 2.5 })).toBe(6);
      expect(await v({ _id: 2 })).toBeNull();
      expect(await v({ _id: Long.fromString('9007199254740993') })).toBe(7);
      expect(await v({ _id: Long.fromString('9007199254740992') })).toBeNull();
    });

    it('the other fields of the filter still count', async () => {
      expect(await v({ _id: 'opp-1', v: 1 })).toBe(1);
      expect(await v({ _id: 'opp-1', v: 2 })).toBeNull();
      expect(await v({ v: { $gt: 0 }, _id: oid })).toBe(4);
      expect(await v({ _id: oid, v: { $lt: 4 } })).toBeNull();
      expect(await stored.countDocuments({ _id: 'opp-1', v: { $gte: 1 } })).toBe(1);
      expect(await stored.countDocuments({ _id: 'opp-1', v: { $gte: 2 } })).toBe(0);
    });

    it('_id: {$in: […]} returns each stored one, whatever the mix of types', async () => {
      expect(values(await stored.find({ _id: { $in: ['opp-1', oid, 'missing', ''] } }).toArray())).toEqual([1, 3, 4]);
      expect(values(await stored.find({ _id: { $in: ['opp-1', 42, new ObjectId(hexA), 2.5] } }).toArray())).toEqual([1, 5, 6]);
      expect(values(await stored.find({ _id: { $in: [new ObjectId(hexA), hexB] } }).toArray())).toEqual([]);
      expect(values(await stored.find({ _id: { $in: ['opp-1', hexA] }, v: { $ne: 8 } }).toArray())).toEqual([1]);
      expect(await stored.countDocuments({ _id: { $in: [] } })).toBe(0);
    });
  });

  it('upserts with $setOnInsert and $inc: the first inserts, the next ones only increment', async () => {
    const rows = fresh();
    const first = await rows.updateOne({ _id: 'counter' }, { $setOnInsert: { createdBy: 'first' }, $inc: { n: 1 } }, { upsert: true });
    expect(first).toMatchObject({ matchedCount: 0, modifiedCount: 0, upsertedCount: 1, upsertedId: 'counter' });
    const second = await rows.updateOne({ _id: 'counter' }, { $setOnInsert: { createdBy: 'second' }, $inc: { n: 1 } }, { upsert: true });
    expect(second).toMatchObject({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0 });
    await rows.updateOne({ _id: 'counter' }, { $setOnInsert: { createdBy: 'third' }, $inc: { n: 1 } }, { upsert: true });
    expect(await rows.findOne({ _id: 'counter' })).toEqual({ _id: 'counter', createdBy: 'first', n: 3 });

    const oid = new ObjectId('650000000000000000000002');
    for (let round = 0; round < 2; round++) await rows.updateOne({ _id: oid }, { $setOnInsert: { kind: 'o' }, $inc: { n: 2 } }, { upsert: true });
    expect(await rows.findOne({ _id: oid })).toEqual({ _id: oid, kind: 'o', n: 4 });
    await rows.updateOne({ _id: 7 }, { $inc: { n: 5 } }, { upsert: true });
    await rows.updateOne({ _id: new Double(7) }, { $inc: { n: 5 } }, { upsert: true }); // the same _id: 7.0 == 7
    expect(await rows.find({ _id: 7 }).toArray()).toEqual([{ _id: 7, n: 10 }]);
    expect(await rows.countDocuments({})).toBe(3);
  });

  it('a guarded update {_id, streamRevision: {$lt: n}} does not match a higher revision; upserted, it collides (E11000)', async () => {
    const rows = fresh();
    await rows.insertOne({ _id: 'opp-g', streamRevision: 5, stage: 'proposal' });
    const unchanged = { _id: 'opp-g', streamRevision: 5, stage: 'proposal' };

    const refused = await rows.updateOne({ _id: 'opp-g', streamRevision: { $lt: 5 } }, { $set: { stage: 'won', streamRevision: 5 } });
    expect(refused).toMatchObject({ matchedCount: 0, modifiedCount: 0, upsertedCount: 0 });
    expect(await rows.findOne({ _id: 'opp-g' })).toEqual(unchanged);

    await expect(rows.updateOne({ _id: 'opp-g', streamRevision: { $lt: 3 } }, { $set: { stage: 'lead', streamRevision: 3 } }, { upsert: true })).rejects.toEqual(duplicateKey);
    expect(await rows.findOne({ _id: 'opp-g' })).toEqual(unchanged);
    expect(await rows.findOneAndUpdate({ _id: 'opp-g', streamRevision: { $lt: 5 } }, { $set: { stage: 'lost' } })).toBeNull();

    const applied = await rows.updateOne({ _id: 'opp-g', streamRevision: { $lt: 6 } }, { $set: { stage: 'won', streamRevision: 6 } }, { upsert: true });
    expect(applied).toMatchObject({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0 });
    const after = await rows.findOneAndUpdate({ _id: 'opp-g', streamRevision: { $lt: 7 } }, { $inc: { streamRevision: 1 } }, { returnDocument: 'after' });
    expect(after).toEqual({ _id: 'opp-g', streamRevision: 7, stage: 'won' });
    expect(await rows.countDocuments({})).toBe(1);
  });

  it('a second document with a stored _id is refused (E11000), by string, ObjectId or number, and the first is kept', async () => {
    const rows = fresh();
    const oid = new ObjectId('650000000000000000000003');
    await rows.insertMany([{ _id: 'dup', v: 1 }, { _id: oid, v: 2 }, { _id: 9, v: 3 }]);
    await expect(rows.insertOne({ _id: 'dup', v: 10 })).rejects.toEqual(duplicateKey);
    await expect(rows.insertOne({ _id: new ObjectId('650000000000000000000003'), v: 20 })).rejects.toEqual(duplicateKey);
    await expect(rows.insertOne({ _id: 9, v: 30 })).rejects.toEqual(duplicateKey);
    await expect(rows.insertOne({ _id: new Double(9), v: 31 })).rejects.toEqual(duplicateKey);
    expect(values(await rows.find({}).toArray())).toEqual([1, 2, 3]);
    await rows.insertOne({ _id: 'Dup', v: 4 }); // another string is another _id
    expect(await rows.countDocuments({})).toBe(4);
  });

  it('deletes by _id remove exactly the documents named, and the other fields of the filter still count', async () => {
    const rows = fresh();
    const oid = new ObjectId('650000000000000000000004');
    await rows.insertMany([{ _id: 'd1', v: 1 }, { _id: 'd2', v: 2 }, { _id: 'd3', v: 3 }, { _id: oid, v: 4 }, { _id: 5, v: 5 }, { _id: 'd6', v: 6 }]);

    expect(await rows.deleteOne({ _id: 'd1', v: { $gt: 100 } })).toMatchObject({ deletedCount: 0 });
    expect(await rows.deleteOne({ _id: 'd1' })).toMatchObject({ deletedCount: 1 });
    expect(await rows.deleteOne({ _id: 'd1' })).toMatchObject({ deletedCount: 0 });
    expect(await rows.findOne({ _id: 'd1' })).toBeNull();
    expect(await rows.deleteMany({ _id: { $in: ['d2', 'd3', 'missing'] } })).toMatchObject({ deletedCount: 2 });
    expect(await rows.deleteOne({ _id: '650000000000000000000004' })).toMatchObject({ deletedCount: 0 }); // a string is not the ObjectId
    expect(await rows.findOneAndDelete({ _id: oid })).toEqual({ _id: oid, v: 4 });
    expect(await rows.deleteOne({ _id: new Double(5) })).toMatchObject({ deletedCount: 1 });
    expect(await rows.find({}).toArray()).toEqual([{ _id: 'd6', v: 6 }]);
  });

  it('replaceOne and updateMany by _id change only the documents named', async () => {
    const rows = fresh();
    await rows.insertMany([{ _id: 'r1', v: 1, stage: 'lead' }, { _id: 'r2', v: 2 }, { _id: 'r3', v: 3 }]);
    expect(await rows.replaceOne({ _id: 'r1' }, { v: 10 })).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    expect(await rows.updateMany({ _id: { $in: ['r2', 'r3', 'r4'] } }, { $inc: { v: 100 } })).toMatchObject({ matchedCount: 2, modifiedCount: 2 });
    expect(await rows.find({}).sort({ _id: 1 }).toArray()).toEqual([{ _id: 'r1', v: 10 }, { _id: 'r2', v: 102 }, { _id: 'r3', v: 103 }]);
  });
});
