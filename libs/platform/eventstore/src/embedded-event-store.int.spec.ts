import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEventStore } from './open-event-store';
import { describeEventStoreContract } from './testing';
import { newEvents, uniqueStreamId } from './testing/event-store-contract.fixtures';

const temporaryDirectory = () => mkdtemp(join(tmpdir(), 'meridian-embedded-'));

/** PGlite initialises a new data directory inside WebAssembly: allow for it. */
const openTimeoutMs = 60_000;

describeEventStoreContract('embedded (PGlite)', async () => {
  const dir = await temporaryDirectory();
  const store = await openEventStore(`embedded:${dir}`).catch(async (error: unknown) => {
    await rm(dir, { recursive: true, force: true });
    throw error;
  });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describe('embedded event store durability', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await temporaryDirectory();
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'keeps committed events across close and reopen of the same directory',
    async () => {
      const streamId = uniqueStreamId();
      const dataDir = join(dir, 'nested', 'events');
      const first = await openEventStore(`embedded:${dataDir}`);
      const appended = await first.appendToStream(streamId, newEvents(3), 'no_stream');
      const before = await first.readStream(streamId);
      await first.close();

      const reopened = await openEventStore(`embedded:${dataDir}`);
      try {
        expect(await reopened.readStream(streamId)).toEqual(before);
        expect(await reopened.headPosition()).toBe(appended.lastPosition);
        const next = await reopened.appendToStream(streamId, newEvents(1), appended.nextExpectedRevision);
        expect(next.nextExpectedRevision).toBe(3);
        expect(next.lastPosition).toBeGreaterThan(appended.lastPosition);
      } finally {
        await reopened.close();
      }
    },
    openTimeoutMs * 2,
  );

  it(
    'shares one database between openers in this process, refuses a directory another live process holds, and takes over a stale lock',
    async () => {
      const dataDir = join(dir, 'locked');
      const owner = await openEventStore(`embedded:${dataDir}`);
      const second = await openEventStore(`embedded:${dataDir}`);
      try {
        // One PGlite behind both: what one appends, the other reads, and closing one leaves the other open.
        const streamId = uniqueStreamId();
        await owner.appendToStream(streamId, newEvents(1), 'no_stream');
        await second.close();
        expect((await owner.readStream(streamId)).length).toBe(1);
      } finally {
        await owner.close();
      }
      // Another process that is alive holds the directory: refused, naming it.
      const holder = spawn('sleep', ['60'], { stdio: 'ignore' });
      try {
        await writeFile(join(dataDir, 'meridian.lock'), String(holder.pid));
        await expect(openEventStore(`embedded:${dataDir}`)).rejects.toThrow(`in use by process ${holder.pid}`);
      } finally {
        holder.kill('SIGKILL');
        await new Promise((resolve) => holder.once('exit', resolve));
      }
      // A crashed owner leaves its lock behind; a pid that no longer runs does not block the next start.
      await writeFile(join(dataDir, 'meridian.lock'), '2147483646');
      const next = await openEventStore(`embedded:${dataDir}`);
      await next.close();
    },
    openTimeoutMs * 2,
  );
});
