import { Client } from 'pg';
import mongoose from 'mongoose';
import type { FerretDBHandler, FerretDBHandlers } from './testing/ferretdb-handlers';
import { startFerretDBHandlers } from './testing/ferretdb-handlers';

const { MongoClient, ObjectId } = mongoose.mongo;
type Db = mongoose.mongo.Db;
type Filter = Record<string, unknown>;
type Deal = { _id: string | mongoose.mongo.ObjectId; tenantId?: string; stage?: string; streamRevision?: number; n?: number; pad?: string };

/**
 * The FerretDB tools/infra builds finds documents by `_id` through its `_id`
 * index (ferretdb-patches/0001-use-id-index.patch), on both handlers, for the
 * filters Meridian's read models send: `_id` alone, `_id` with a guard on
 * another field, and `_id: {$in}`. An unpatched v1.24.2 scans the table for
 * every one of them, and fails each test here.
 *
 * The check is the server's own plan (FerretDB's `explain` returns SQLite's
 * EXPLAIN QUERY PLAN, or PostgreSQL's EXPLAIN), and on PostgreSQL also the
 * table's scan counters, never a timing. `explain` only takes a find's or an
 * aggregate's filter. An update, a delete or a findAndModify runs the same
 * backend query for its filter, then writes by `_id` through the same
 * expression; on SQLite the find plans stand for them, on PostgreSQL the
 * counters show them directly.
 */
const seeded = 2_000; // enough pages for PostgreSQL's planner to prefer an index to a scan
const stringId = (index: number) => `deal-${String(index).padStart(5, '0')}`;
const objectIds = Array.from({ length: 20 }, (_, index) => new ObjectId(`65${String(index).padStart(22, '0')}`));

const seed = async (db: Db) => {
  const deals = db.collection<Deal>('deals');
  const documents: Deal[] = [
    ...Array.from({ length: seeded }, (_, index) => ({ _id: stringId(index), tenantId: `t-${index % 7}`, stage: 'lead', streamRevision: index % 9, pad: 'x'.repeat(200) })),
    ...objectIds.map((_id, index) => ({ _id, tenantId: 't-0', stage: 'won', streamRevision: index, pad: 'y'.repeat(200) })),
  ];
  for (let start = 0; start < documents.length; start += 500) await deals.insertMany(documents.slice(start, start + 500));
};

type PlanNode = Readonly<{ 'Node Type'?: string; 'Index Name'?: string; Plans?: PlanNode[] }>;

/** Every node of a PostgreSQL plan that reads a table or an index, as "<Node Type> <Index Name>". */
const postgresAccesses = (node: PlanNode): string[] => [
  ...(node['Node Type']?.endsWith('Scan') ? [`${node['Node Type']}${node['Index Name'] ? ` ${node['Index Name']}` : ''}`] : []),
  ...(node.Plans ?? []).flatMap(postgresAccesses),
];

/**
 * How the backend reads the collection for this filter, one line per table
 * access: SQLite's `detail` column ("SEARCH t USING INDEX t__id_ (<expr>=?)"
 * or "SCAN t"), PostgreSQL's scan nodes ("Index Scan t__id__…_idx", "Seq Scan").
 */
const accesses = async (handler: FerretDBHandler, db: Db, explained: Record<string, unknown>): Promise<string[]> => {
  const answer = await db.command({ explain: explained, verbosity: 'queryPlanner' });
  const planner = answer.queryPlanner as { Plan: string[] | PlanNode };
  if (handler.name === 'SQLite') return (planner.Plan as string[]).map((row) => row.replace(/^.*?detail=/, ''));
  return postgresAccesses(planner.Plan as PlanNode);
};

/** What a plan that reads only through the `_id` index looks like on each handler. */
const throughIdIndex = (handler: FerretDBHandler) =>
  handler.name === 'SQLite'
    ? [expect.stringMatching(/^SEARCH \S+ USING INDEX \S+__id_ \(<expr>=\?\)$/)]
    : [expect.stringMatching(/^(Index Scan|Bitmap Index Scan) \S+__id__\S+$/)];

const readsThroughIdIndex = async (handler: FerretDBHandler, db: Db, explained: Record<string, unknown>) => {
  const plan = await accesses(handler, db, explained);
  // PostgreSQL puts a Bitmap Heap Scan above a Bitmap Index Scan: it reads only the rows the index named.
  expect(plan.filter((access) => !access.startsWith('Bitmap Heap Scan'))).toEqual(throughIdIndex(handler));
};

let servers: FerretDBHandlers;

beforeAll(async () => {
  servers = await startFerretDBHandlers();
}, 300_000); // a first run builds FerretDB (about a minute), then starts it twice

afterAll(async () => {
  await servers?.stop();
});

describe.each(['SQLite', 'PostgreSQL'] as const)('FerretDB on its %s handler: lookups by _id use the _id index', (name) => {
  let handler: FerretDBHandler;
  let client: mongoose.mongo.MongoClient;
  let db: Db;
  const find = (filter: Filter) => ({ find: 'deals', filter });

  beforeAll(async () => {
    handler = servers.handlers.find((candidate) => candidate.name === name) as FerretDBHandler;
    client = new MongoClient(handler.url, { directConnection: true, serverSelectionTimeoutMS: 5_000 });
    db = client.db(`id_index_${name.toLowerCase()}`);
    await seed(db);
  });

  afterAll(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await client?.close();
  });

  it('find by a string _id', async () => {
    await readsThroughIdIndex(handler, db, find({ _id: stringId(1_234) }));
  });

  it('find by an ObjectId _id', async () => {
    await readsThroughIdIndex(handler, db, find({ _id: objectIds[3] }));
  });

  it('find by _id with a guard on another field (a guarded write: {_id, streamRevision: {$lt: n}})', async () => {
    await readsThroughIdIndex(handler, db, find({ _id: stringId(77), streamRevision: { $lt: 5 } }));
    await readsThroughIdIndex(handler, db, find({ tenantId: 't-0', _id: objectIds[0] }));
  });

  it('find by _id: {$in: […]} of strings and ObjectIds (a batch read)', async () => {
    await readsThroughIdIndex(handler, db, find({ _id: { $in: [stringId(1), stringId(2_001), objectIds[5], stringId(1_999)] } }));
  });

  it("count by _id and a guard (countDocuments' pipeline: $match, then $group)", async () => {
    await readsThroughIdIndex(handler, db, {
      aggregate: 'deals',
      pipeline: [{ $match: { _id: stringId(500), streamRevision: { $gte: 0 } } }, { $group: { _id: 1, n: { $sum: 1 } } }],
      cursor: {},
    });
  });

  it('a filter without _id still scans (so the checks above can tell an index lookup from a scan)', async () => {
    const plan = await accesses(handler, db, find({ tenantId: 't-3', stage: 'lead' }));
    expect(plan).toEqual([expect.stringMatching(name === 'SQLite' ? /^SCAN / : /Seq Scan/)]);
  });
});

describe('FerretDB on its PostgreSQL handler: writes by _id scan nothing (the table counters)', () => {
  let handler: FerretDBHandler;
  let postgres: Client;
  const dbName = 'id_index_writes';

  /** The collection's table, from FerretDB's metadata table in the database's schema. */
  const tableOf = async (collection: string): Promise<string> => {
    const { rows } = await postgres.query<{ table: string }>(`SELECT _jsonb->>'table' AS table FROM ${dbName}._ferretdb_database_metadata WHERE _jsonb->>'_id' = $1`, [collection]);
    if (!rows[0]) throw new Error(`no table for collection ${collection}`);
    return rows[0].table;
  };

  /**
   * Sequential and index scans of the collection's table so far. A backend
   * reports its counters for sure only when it exits, so FerretDB is stopped
   * (its pool closes) while they are read, once its backends are gone.
   */
  const scans = async (table: string): Promise<{ seq: number; idx: number }> => {
    await handler.stop();
    const others = `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`;
    // Waits for the condition (no backend left); the deadline only ends a hang, even on a busy machine.
    for (let deadline = Date.now() + 3 * 60_000; (await postgres.query<{ n: number }>(others)).rows[0]?.n !== 0;) {
      if (Date.now() > deadline) throw new Error("FerretDB's PostgreSQL backends did not exit within 3 min");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await postgres.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await postgres.query<{ seq: number; idx: number }>(
      'SELECT seq_scan::int AS seq, idx_scan::int AS idx FROM pg_stat_user_tables WHERE schemaname = $1 AND relname = $2',
      [dbName, table],
    );
    if (!rows[0]) throw new Error(`no statistics for ${dbName}.${table}`);
    await handler.start();
    return rows[0];
  };

  /** Runs the operations with a client of their own, closed before FerretDB stops. */
  const withClient = async (work: (db: Db) => Promise<unknown>) => {
    const client = new MongoClient(handler.url, { directConnection: true, serverSelectionTimeoutMS: 5_000 });
    try {
      await work(client.db(dbName));
    } finally {
      await client.close();
    }
  };

  beforeAll(async () => {
    handler = servers.handlers.find((candidate) => candidate.name === 'PostgreSQL') as FerretDBHandler;
    postgres = new Client({ connectionString: handler.postgresUrl });
    await postgres.connect();
    await withClient(seed);
  });

  afterAll(async () => {
    await postgres?.end();
  });

  it('guarded updates, upserts, findOneAndUpdate, deletes and batch reads by _id: index scans only, no sequential scan', async () => {
    const table = await tableOf('deals');
    const before = await scans(table);
    let operations = 0;
    await withClient(async (db) => {
      const deals = db.collection<Deal>('deals');
      const count = () => operations++;
      await deals.updateOne({ _id: stringId(10), streamRevision: { $lt: 100 } }, { $set: { stage: 'qualified' }, $inc: { streamRevision: 1 } }).then(count);
      await deals.updateOne({ _id: stringId(11), streamRevision: { $lt: 0 } }, { $set: { stage: 'won' } }).then(count); // the guard refuses
      await deals.updateOne({ _id: stringId(12) }, { $inc: { n: 1 } }, { upsert: true }).then(count); // upsert of an existing document
      await deals.updateOne({ _id: 'deal-new' }, { $setOnInsert: { stage: 'lead' }, $inc: { n: 1 } }, { upsert: true }).then(count);
      await deals.updateOne({ _id: objectIds[2] }, { $set: { stage: 'lost' } }).then(count);
      await deals.findOneAndUpdate({ _id: stringId(13), streamRevision: { $lt: 100 } }, { $inc: { streamRevision: 1 } }).then(count);
      await deals.deleteOne({ _id: stringId(14), streamRevision: { $gte: 0 } }).then(count);
      await deals.findOneAndDelete({ _id: stringId(15) }).then(count);
      await deals.deleteMany({ _id: { $in: [stringId(16), stringId(17), objectIds[4]] } }).then(count);
      await deals.find({ _id: { $in: [stringId(18), stringId(19)] } }).toArray().then(count);
      await deals.countDocuments({ _id: stringId(20) }).then(count);
    });
    const after = await scans(table);
    expect({ sequentialScans: after.seq - before.seq }).toEqual({ sequentialScans: 0 });
    expect(after.idx - before.idx).toBeGreaterThanOrEqual(operations);
  });
});
