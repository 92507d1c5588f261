import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { findByIds } from './find-by-ids';

type Row = { _id: string; n: number; label: string };

const connection = mongoose.createConnection(process.env.MONGODB_URL ?? '', {
  dbName: `find_by_ids_${randomBytes(4).toString('hex')}`,
  serverSelectionTimeoutMS: 5_000,
});
const rows = () => connection.collection<Row>('rows');

beforeAll(async () => {
  await connection.asPromise();
  await rows().insertMany(Array.from({ length: 30 }, (_, n) => ({ _id: `r${n}`, n, label: `row ${n}` })));
});

afterAll(async () => {
  await connection.dropDatabase().catch(() => undefined);
  await connection.close();
});

const sorted = (found: readonly Row[]) => [...found].sort((a, b) => a.n - b.n);

describe('looking documents up by id (MONGODB_URL)', () => {
  it('finds exactly the ids that exist in one query, absent ones left out', async () => {
    const ids = ['r3', 'missing-1', 'r0', 'r29', 'r17', 'missing-2', 'r8', 'r9', 'r10', 'r11'];
    const found = await findByIds(rows(), ids, {});
    expect(sorted(found).map((row) => row._id)).toEqual(['r0', 'r3', 'r8', 'r9', 'r10', 'r11', 'r17', 'r29']);
    expect(sorted(found)[0]).toEqual({ _id: 'r0', n: 0, label: 'row 0' });
  });

  it('returns nothing for no ids or only absent ones, and one row for one id', async () => {
    expect(await findByIds(rows(), [], {})).toEqual([]);
    expect(await findByIds(rows(), ['nope', 'neither'], {})).toEqual([]);
    expect(await findByIds(rows(), ['r5'], {})).toEqual([{ _id: 'r5', n: 5, label: 'row 5' }]);
  });

  it('honours the projection', async () => {
    const found = await findByIds(rows(), ['r1', 'r2'], { projection: { n: 1 } });
    expect(sorted(found)).toEqual([{ _id: 'r1', n: 1 }, { _id: 'r2', n: 2 }]);
  });

  it('refuses an aborted signal with its reason', async () => {
    const controller = new AbortController();
    const reason = new Error('breaker timeout');
    controller.abort(reason);
    await expect(findByIds(rows(), ['r1', 'r2', 'r3'], { signal: controller.signal })).rejects.toBe(reason);
  });
});
