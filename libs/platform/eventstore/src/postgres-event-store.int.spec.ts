import { Client, Pool } from 'pg';
import type { EventStore, ExpectedRevision, NewEvent, RecordedEvent } from '@meridian/platform/eventsourcing';
import { WrongExpectedRevision } from '@meridian/platform/eventsourcing';
import type { TestDatabase } from '@meridian/platform/testing';
import { createTestDatabase, pollUntil } from '@meridian/platform/testing';
import { openEventStore } from './open-event-store';
import { createPostgresExecutor } from './postgres-sql-executor';
import { SqlEventStore } from './sql-event-store';
import type { SqlExecutor } from './sql-executor';
import { HeldTransactionRolledBack, HoldableExecutor, describeEventStoreContract } from './testing';
import { expectStrictlyIncreasing, newEvents, readFeedUntil, uniqueStreamId } from './testing/event-store-contract.fixtures';

describeEventStoreContract('PostgreSQL', async () => {
  const database = await createTestDatabase();
  const store = await openEventStore(database.url);
  return {
    store,
    cleanup: async () => {
      await store.close();
      await database.drop();
    },
  };
});

describe('PostgreSQL event store with an append held open mid-transaction', () => {
  let database: TestDatabase;
  let store: EventStore;
  let holdable: HoldableExecutor;
  let heldStore: EventStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    store = await openEventStore(database.url);
    holdable = new HoldableExecutor(createPostgresExecutor(new Pool({ connectionString: database.url })));
    heldStore = await SqlEventStore.open(holdable);
  });

  afterAll(async () => {
    await heldStore?.close();
    await store?.close();
    await database?.drop();
  });

  const ids = (events: readonly (NewEvent | RecordedEvent)[]): string[] => events.map((event) => event.eventId);

  /** A checkpoint below which the feed is settled: the head has passed a fresh marker event. */
  const settledCheckpoint = async (): Promise<number> => {
    const { lastPosition } = await store.appendToStream(uniqueStreamId('marker'), newEvents(1), 'no_stream');
    await pollUntil(() => store.headPosition(), { timeoutMs: 10_000, until: (head) => head >= lastPosition });
    return lastPosition;
  };

  /** Parks a real append after its INSERT, uncommitted, then commits three appends to other streams. */
  const holdAppendWhileLaterOnesCommit = async () => {
    const checkpoint = await settledCheckpoint();
    const hold = holdable.holdNextWrite();
    const heldStreamId = uniqueStreamId('held');
    const heldBatch = newEvents(2);
    const heldAppend = heldStore.appendToStream(heldStreamId, heldBatch, 'no_stream');
    heldAppend.catch(() => undefined); // awaited by the test; avoids an unhandled rejection meanwhile
    await hold.reached;

    const later: { streamId: string; batch: NewEvent[]; lastPosition: number }[] = [];
    for (let index = 0; index < 3; index++) {
      const streamId = uniqueStreamId('later');
      const batch = newEvents(1);
      later.push({ streamId, batch, lastPosition: (await store.appendToStream(streamId, batch, 'no_stream')).lastPosition });
    }
    // The later appends are committed and readable by stream...
    expect(ids(await store.readStream(later[2].streamId))).toEqual(ids(later[2].batch));
    // ...but the feed must not pass the held append, whose positions are lower.
    expect(await store.readAll({ after: checkpoint, maxCount: 100 })).toEqual([]);
    expect(await store.headPosition()).toBe(checkpoint);
    return { checkpoint, hold, heldStreamId, heldBatch, heldAppend, later };
  };

  it('the feed waits for a late commit and then returns it before the later appends, none skipped', async () => {
    const { checkpoint, hold, heldBatch, heldAppend, later } = await holdAppendWhileLaterOnesCommit();

    hold.commit();
    const held = await heldAppend;
    const lastPosition = later[2].lastPosition;
    const { events } = await readFeedUntil(store, { after: checkpoint, lastPosition, pageSize: 2 });

    expect(ids(events)).toEqual([...ids(heldBatch), ...later.flatMap((append) => ids(append.batch))]);
    expectStrictlyIncreasing(events.map((event) => event.globalPosition));
    expect(held.lastPosition).toBeLessThan(Math.min(...later.map((append) => append.lastPosition)));
  });

  it('a rolled-back held append does not stall the feed', async () => {
    const { checkpoint, hold, heldStreamId, heldAppend, later } = await holdAppendWhileLaterOnesCommit();

    hold.rollback();
    await expect(heldAppend).rejects.toBeInstanceOf(HeldTransactionRolledBack);
    const { events } = await readFeedUntil(store, { after: checkpoint, lastPosition: later[2].lastPosition, pageSize: 2 });

    expect(ids(events)).toEqual(later.flatMap((append) => ids(append.batch)));
    expect(await store.readStream(heldStreamId)).toEqual([]);
  });

  /** Waits until some session in this database is blocked on a lock (here: a unique-index check). */
  const someoneBlocked = () =>
    pollUntil(
      async () => {
        const client = new Client({ connectionString: database.url });
        await client.connect();
        try {
          const { rows } = await client.query<{ waiting: string }>(
            `SELECT count(*) AS waiting FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
             WHERE NOT l.granted AND a.datname = current_database()`,
          );
          return Number(rows[0].waiting);
        } finally {
          await client.end();
        }
      },
      { timeoutMs: 10_000, description: 'an appender blocked on the held transaction' },
    );

  it('an appender that loses the race on (stream_id, revision) gets WrongExpectedRevision with the actual revision', async () => {
    const streamId = uniqueStreamId();
    const hold = holdable.holdNextWrite();
    const heldAppend = heldStore.appendToStream(streamId, newEvents(2), 'no_stream');
    await hold.reached;

    const racer = store.appendToStream(streamId, newEvents(1), 'no_stream');
    racer.catch(() => undefined);
    await someoneBlocked();
    hold.commit();

    expect((await heldAppend).nextExpectedRevision).toBe(1);
    await expect(racer).rejects.toBeInstanceOf(WrongExpectedRevision);
    await expect(racer).rejects.toMatchObject({ streamId, expected: 'no_stream', actual: 1 });
    expect(await store.readStream(streamId)).toHaveLength(2);
  });

  it('a retry that loses the race to its own original returns the original result', async () => {
    const streamId = uniqueStreamId();
    const batch = newEvents(2);
    const hold = holdable.holdNextWrite();
    const original = heldStore.appendToStream(streamId, batch, 'no_stream');
    await hold.reached;

    const retry = store.appendToStream(streamId, batch, 'no_stream');
    retry.catch(() => undefined);
    await someoneBlocked();
    hold.commit();

    expect(await retry).toEqual({ ...(await original), replayed: true });
    expect(ids(await store.readStream(streamId))).toEqual(ids(batch));
  });

  /**
   * A copy of events_append that waits on an advisory lock the test holds,
   * right after the first statement of its body, i.e. between reading the
   * stream's revision and looking for a stored copy of the batch.
   */
  const pausedAppendLock = 0x4d52444e + 7;
  const createPausedAppend = async (admin: Client) => {
    const { rows } = await admin.query<{ definition: string }>(`SELECT pg_get_functiondef('events_append(text,text,jsonb)'::regprocedure) AS definition`);
    const definition = rows[0].definition;
    const bodyStart = definition.search(/\bBEGIN\b/);
    const firstStatementEnd = definition.indexOf(';', bodyStart);
    const paused = `${definition.slice(0, firstStatementEnd + 1)}
      PERFORM pg_advisory_lock_shared(${pausedAppendLock}); PERFORM pg_advisory_unlock_shared(${pausedAppendLock});${definition.slice(firstStatementEnd + 1)}`;
    await admin.query(paused.replace(/FUNCTION public\.events_append\(/, 'FUNCTION public.events_append_paused('));
  };

  it('a retry whose original commits between its revision read and its lookup replays: events_append reads in that order', async () => {
    const admin = new Client({ connectionString: database.url });
    await admin.connect();
    const inner = createPostgresExecutor(new Pool({ connectionString: database.url }));
    const pausedStore = await SqlEventStore.open({
      query: (sql, params) => inner.query(sql.replace('events_append(', 'events_append_paused('), params),
      withTransaction: (work) => inner.withTransaction(work),
      close: () => inner.close(),
    });
    try {
      await createPausedAppend(admin);
      const streamId = uniqueStreamId();
      const batch = newEvents(2);
      await admin.query('SELECT pg_advisory_lock($1)', [pausedAppendLock]);
      const retry = pausedStore.appendToStream(streamId, batch, 'no_stream');
      retry.catch(() => undefined);
      await someoneBlocked(); // the retry has read "no stream" and waits before its lookup

      const original = await store.appendToStream(streamId, batch, 'no_stream');
      await admin.query('SELECT pg_advisory_unlock($1)', [pausedAppendLock]);

      // Looking up first would have missed the batch, then read revision 1 and reported a conflict.
      expect(await retry).toEqual({ ...original, replayed: true });
      expect(ids(await store.readStream(streamId))).toEqual(ids(batch));
    } finally {
      await pausedStore.close();
      await admin.end();
    }
  });

  it('refuses a second position allocation in one transaction, which would break feed order', async () => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT events_allocate_positions(1)');
      await expect(client.query('SELECT events_allocate_positions(1)')).rejects.toMatchObject({ code: '25000' });
      await client.query('ROLLBACK');
    } finally {
      await client.end();
    }
    // The advisory lock was released: other appenders are not blocked.
    await expect(store.appendToStream(uniqueStreamId(), newEvents(1), 'no_stream')).resolves.toBeDefined();
  });
});

describe('PostgreSQL event store round trips', () => {
  let database: TestDatabase;
  let store: EventStore;
  const calls: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const inner = createPostgresExecutor(new Pool({ connectionString: database.url }));
    const counting: SqlExecutor = {
      query: (sql, params) => {
        calls.push(sql);
        return inner.query(sql, params);
      },
      withTransaction: (work) => {
        calls.push('transaction');
        return inner.withTransaction(work);
      },
      close: () => inner.close(),
    };
    store = await SqlEventStore.open(counting);
  });

  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  // Each round trip costs CPU in the service and in PostgreSQL; seven per
  // append made the command path slower (docs/benchmarks.md, bottleneck 6).
  it('appends a batch in one statement and no explicit transaction, also for a replayed retry', async () => {
    const streamId = uniqueStreamId();
    const batch = newEvents(3);
    calls.length = 0;

    const first = await store.appendToStream(streamId, batch, 'no_stream');
    const retry = await store.appendToStream(streamId, batch, 'no_stream');

    expect(calls).toHaveLength(2);
    expect(calls.every((sql) => sql.includes('events_append('))).toBe(true);
    expect(retry).toEqual({ ...first, replayed: true });
  });

  it('takes only a number as a revision: a string of digits from an untyped caller is refused, as the other adapters refuse it', async () => {
    const streamId = uniqueStreamId();
    await store.appendToStream(streamId, newEvents(1), 'no_stream');

    const digits = '0' as unknown as ExpectedRevision;
    await expect(store.appendToStream(streamId, newEvents(1), digits)).rejects.toMatchObject({ name: 'WrongExpectedRevision', actual: 0 });
    expect(await store.readStream(streamId)).toHaveLength(1);
  });
});

describe('PostgreSQL event store plans', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  // PL/pgSQL caches a generic plan per connection after five calls. Planned
  // while the table was nearly empty, that plan scanned the whole table for
  // the event-id lookup (seen at 7,500 rows: 3.5 ms per append, most of the
  // command path's database time), and kept doing so as the table grew.
  it('keeps finding stored events by index after the table outgrows the plans of its first appends', async () => {
    const oneConnection = createPostgresExecutor(new Pool({ connectionString: database.url, max: 1 }));
    const store = await SqlEventStore.open(oneConnection);
    const admin = new Client({ connectionString: database.url });
    await admin.connect();
    try {
      // A young table, analysed as autovacuum would soon after the first appends, on a
      // connection that settles on a generic plan at once (PostgreSQL may choose one after
      // five calls; forcing it makes the test independent of its cost estimates).
      for (let index = 0; index < 200; index++) await store.appendToStream(uniqueStreamId('early'), newEvents(1), 'no_stream');
      await admin.query('ANALYZE events');
      await oneConnection.query('SET plan_cache_mode = force_generic_plan');
      for (let index = 0; index < 10; index++) await store.appendToStream(uniqueStreamId('early'), newEvents(1), 'no_stream');
      await admin.query(`INSERT INTO events (global_position, stream_id, revision, event_id, type, data, metadata, tenant_id, transaction_id)
        SELECT nextval('events_global_position_seq'), 'bulk-' || n, 0, gen_random_uuid(), 'Bulk', '{}', '{}', 't', pg_current_xact_id()
        FROM generate_series(1, 20000) AS n`);
      const sequentialScans = async () => {
        await oneConnection.query('SELECT pg_stat_force_next_flush()');
        await admin.query('SELECT pg_stat_clear_snapshot()');
        const { rows } = await admin.query<{ seq_scan: string }>(`SELECT seq_scan FROM pg_stat_user_tables WHERE relname = 'events'`);
        return Number(rows[0].seq_scan);
      };
      const before = await sequentialScans();
      for (let index = 0; index < 10; index++) await store.appendToStream(uniqueStreamId('late'), newEvents(1), 'no_stream');
      expect((await sequentialScans()) - before).toBe(0);
    } finally {
      await admin.end();
      await store.close();
    }
  });
});

