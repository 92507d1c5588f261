import type { Pool } from 'pg';
import type { PostgresRetryOptions } from './postgres-sql-executor';
import { createPostgresExecutor, isReadOnlyStatement, isTransientPostgresError } from './postgres-sql-executor';

const errorWith = (code: string | undefined, message = `failed with ${code}`) => Object.assign(new Error(message), code === undefined ? {} : { code });
const reset = () => errorWith('ECONNRESET', 'read ECONNRESET');
const adminShutdown = () => errorWith('57P01', 'terminating connection due to administrator command');

/**
 * A fake at the pool: `connect` and each connection's `query` answer from
 * scripts (an Error is thrown, anything else is the rows); everything sent and
 * every release (and whether it destroyed the connection) is recorded.
 */
const fakePool = (script: { connects?: unknown[]; statements?: unknown[] }) => {
  const connects = [...(script.connects ?? [])];
  const statements = [...(script.statements ?? [])];
  const sent: string[] = [];
  const released: boolean[] = [];
  const pool = {
    on: () => pool,
    end: async () => undefined,
    connect: async () => {
      const next = connects.shift();
      if (next instanceof Error) throw next;
      return {
        query: async (sql: string) => {
          sent.push(sql);
          const answer = statements.shift() ?? [];
          if (answer instanceof Error) throw answer;
          return { rows: answer };
        },
        release: (destroy?: Error) => void released.push(destroy !== undefined),
      };
    },
  };
  return { pool: pool as unknown as Pool, sent, released };
};

const retry: PostgresRetryOptions = { attempts: 4, baseDelayMs: 100, maxDelayMs: 250 };

/** Waits recorded instead of slept; the random source is scripted. */
const clock = (randoms: number[] = [0.5]) => {
  const waits: number[] = [];
  let index = 0;
  return { waits, deps: { wait: async (ms: number) => void waits.push(ms), random: () => randoms[index++ % randoms.length] } };
};

describe('isTransientPostgresError', () => {
  it('accepts connection-level failures and rejects statement errors', () => {
    for (const error of [reset(), errorWith('ECONNREFUSED'), adminShutdown(), errorWith('57P03'), errorWith('08006'), errorWith('53300'), new Error('Connection terminated unexpectedly')]) {
      expect(isTransientPostgresError(error)).toBe(true);
    }
    for (const error of [errorWith('23505'), errorWith('42P01'), errorWith('40001'), errorWith('22P02'), new Error('boom'), 'ECONNRESET', null]) {
      expect(isTransientPostgresError(error)).toBe(false);
    }
  });
});

describe('isReadOnlyStatement', () => {
  it('takes plain SELECTs as reads and anything that may write as a write', () => {
    expect(isReadOnlyStatement('SELECT * FROM events WHERE stream_id = $1')).toBe(true);
    expect(isReadOnlyStatement('  select global_position from events order by global_position desc limit 1')).toBe(true);
    for (const sql of ['INSERT INTO relay_checkpoints VALUES ($1)', 'SELECT * FROM events FOR UPDATE', 'SELECT positions FROM events_allocate_positions($1)', 'SELECT outcome FROM events_append($1, $2, $3::text::jsonb)', 'SELECT pg_advisory_xact_lock(1)', 'SELECT nextval($1)', 'WITH x AS (DELETE FROM t RETURNING *) SELECT * FROM x', 'CREATE TABLE t (a int)']) {
      expect(isReadOnlyStatement(sql)).toBe(false);
    }
  });
});

describe('createPostgresExecutor retries', () => {
  it('retries a read through transient failures with growing, jittered back-off, and destroys the broken connections', async () => {
    const { pool, sent, released } = fakePool({ statements: [reset(), adminShutdown(), errorWith('ECONNRESET'), [{ n: 1 }]] });
    const { waits, deps } = clock([0.5, 0.5, 1]);
    const executor = createPostgresExecutor(pool, retry, deps);

    await expect(executor.query('SELECT n FROM t')).resolves.toEqual([{ n: 1 }]);

    expect(sent).toHaveLength(4);
    // Caps 100, 200, then 250 (400 capped at maxDelayMs), each scaled by the random draw.
    expect(waits).toEqual([50, 100, 250]);
    expect(released).toEqual([true, true, true, false]);
  });

  it('applies the random draw as full jitter: the same attempt waits anywhere from 0 to its cap', async () => {
    const waitsFor = async (draw: number) => {
      const { pool } = fakePool({ statements: [reset(), []] });
      const { waits, deps } = clock([draw]);
      await createPostgresExecutor(pool, retry, deps).query('SELECT 1');
      return waits[0];
    };
    expect(await waitsFor(0)).toBe(0);
    expect(await waitsFor(0.25)).toBe(25);
    expect(await waitsFor(0.999)).toBeCloseTo(99.9);
  });

  it('gives up after the configured attempts with the last error', async () => {
    const { pool, sent } = fakePool({ statements: [reset(), reset(), reset(), adminShutdown(), []] });
    const { waits, deps } = clock();

    await expect(createPostgresExecutor(pool, retry, deps).query('SELECT 1')).rejects.toMatchObject({ code: '57P01' });
    expect(sent).toHaveLength(4);
    expect(waits).toHaveLength(3);
  });

  it('does not retry a statement error, even on a read', async () => {
    const { pool, sent } = fakePool({ statements: [errorWith('42P01', 'relation "t" does not exist'), []] });
    const { waits, deps } = clock();

    await expect(createPostgresExecutor(pool, retry, deps).query('SELECT * FROM t')).rejects.toMatchObject({ code: '42P01' });
    expect(sent).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('never re-sends a write that failed on the wire, but retries getting its connection', async () => {
    const { pool, sent } = fakePool({ connects: [errorWith('ECONNREFUSED'), undefined], statements: [reset(), []] });
    const { waits, deps } = clock();
    const executor = createPostgresExecutor(pool, retry, deps);

    await expect(executor.query('INSERT INTO relay_checkpoints VALUES ($1)', [1])).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(sent).toEqual(['INSERT INTO relay_checkpoints VALUES ($1)']);
    expect(waits).toHaveLength(1);
  });

  it('retries BEGIN of a transaction, but not its work or COMMIT', async () => {
    const begun = fakePool({ statements: [adminShutdown(), [], [{ id: 1 }], []] });
    const first = clock();
    const result = await createPostgresExecutor(begun.pool, retry, first.deps).withTransaction((tx) => tx.query('SELECT id FROM t'));
    expect(result).toEqual([{ id: 1 }]);
    expect(begun.sent).toEqual(['BEGIN', 'BEGIN', 'SELECT id FROM t', 'COMMIT']);
    expect(first.waits).toHaveLength(1);

    const lostAtCommit = fakePool({ statements: [[], [], reset(), []] });
    const second = clock();
    await expect(createPostgresExecutor(lostAtCommit.pool, retry, second.deps).withTransaction((tx) => tx.query('INSERT INTO t VALUES (1)'))).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(lostAtCommit.sent).toEqual(['BEGIN', 'INSERT INTO t VALUES (1)', 'COMMIT', 'ROLLBACK']);
    expect(second.waits).toEqual([]);
  });
});
