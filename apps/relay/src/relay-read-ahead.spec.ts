import type { ReadAllOptions } from '@meridian/platform/eventsourcing';
import { MemoryEventStore } from '@meridian/platform/eventsourcing';
import type { CheckpointStore } from '@meridian/platform/eventstore';
import { MemoryCheckpointStore } from '@meridian/platform/eventstore';
import type { OutgoingMessage } from '@meridian/platform/kafka';
import { createEventRouter } from '@meridian/platform/kafka';
import { pollUntil } from '@meridian/platform/testing';
import { relayCatalogues } from './relay-catalogues';
import { Relay } from './relay';
import { dealHistory } from './testing/relay.fixtures';

/** A promise someone else settles: holds a send or a read until the test lets it go. */
type Gate = Readonly<{ wait: Promise<void>; open: () => void }>;
const gate = (): Gate => {
  let open = (): void => undefined;
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait, open };
};

type Options = { publishFaults?: number; saveFaults?: number; sendGate?: Gate; readGate?: (after: number) => Gate | undefined };

/** Batches of 3 over the memory store, recording every read's `after`, the reads still running and what was sent. */
const harness = (options: Options = {}) => {
  const memory = new MemoryEventStore();
  const checkpointMemory = new MemoryCheckpointStore();
  const reads: number[] = [];
  const sent: OutgoingMessage[] = [];
  let running = 0;
  let publishFaults = options.publishFaults ?? 0;
  let saveFaults = options.saveFaults ?? 0;
  const store = {
    headPosition: () => memory.headPosition(),
    readAll: async (read: ReadAllOptions) => {
      reads.push(read.after);
      running++;
      try {
        await options.readGate?.(read.after)?.wait;
        return await memory.readAll(read);
      } finally {
        running--;
      }
    },
  };
  const checkpoints: CheckpointStore = {
    load: (name) => checkpointMemory.load(name),
    save: async (name, position) => {
      if (saveFaults-- > 0) throw new Error('checkpoint database unavailable');
      await checkpointMemory.save(name, position);
    },
  };
  const publisher = {
    publish: async (messages: readonly OutgoingMessage[]) => {
      await options.sendGate?.wait;
      if (publishFaults-- > 0) throw new Error('broker unavailable');
      sent.push(...messages);
    },
  };
  const relay = new Relay({
    store, checkpoints, publisher, router: createEventRouter({ catalogues: relayCatalogues }), log: () => undefined,
    checkpointName: 'relay', batchSize: 3, pollIntervalMs: 5, retryDelayMs: 1,
  });
  return { relay, memory, reads, sent, checkpoints, running: () => running };
};

const positionsOf = (messages: readonly OutgoingMessage[]) => messages.map((m) => Number(m.headers.ce_globalposition));
const drained = (checkpoints: CheckpointStore, head: number) => pollUntil(() => checkpoints.load('relay'), { timeoutMs: 5_000, until: (p) => p === head });
/** Lets every callback already queued run (no timer: nothing here depends on time). */
const settleCallbacks = async () => {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('relay: the next batch is read while the current one is sent', () => {
  it('reads the next batch during the send, checkpoints only after the acknowledgement, and sends the batch read ahead without reading it again', async () => {
    const sendGate = gate();
    const { relay, memory, reads, sent, checkpoints } = harness({ sendGate });
    await memory.appendToStream('opportunity-a', dealHistory('a', 6), 'no_stream');
    const first = relay.relayOnce();
    await pollUntil(async () => reads, { timeoutMs: 5_000, until: (r) => r.includes(3) });
    expect(await checkpoints.load('relay')).toBe(0);
    expect(sent).toEqual([]);
    sendGate.open();
    expect(await first).toEqual({ count: 3, from: 0, to: 3 });
    expect(await relay.relayOnce()).toEqual({ count: 3, from: 3, to: 6 });
    expect(reads).toEqual([0, 3, 6]);
    expect(await relay.relayOnce()).toEqual({ count: 1, from: 6, to: 7 });
    expect(positionsOf(sent)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('after a failed send keeps the checkpoint, drops the batch read ahead and reads again from the checkpoint', async () => {
    const { relay, memory, reads, sent, checkpoints } = harness({ publishFaults: 1 });
    await memory.appendToStream('opportunity-b', dealHistory('b', 6), 'no_stream');
    await expect(relay.relayOnce()).rejects.toThrow('broker unavailable');
    expect(await checkpoints.load('relay')).toBe(0);
    expect(reads).toEqual([0, 3]);
    relay.start();
    await drained(checkpoints, 7);
    await relay.stop();
    expect(reads.slice(0, 4)).toEqual([0, 3, 0, 3]);
    expect(positionsOf(sent)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('after a failed checkpoint save drops the batch read ahead and re-sends from the stored checkpoint', async () => {
    const { relay, memory, reads, sent, checkpoints } = harness({ saveFaults: 1 });
    await memory.appendToStream('opportunity-c', dealHistory('c', 6), 'no_stream');
    relay.start();
    await drained(checkpoints, 7);
    await relay.stop();
    expect(reads.slice(0, 3)).toEqual([0, 3, 0]);
    expect(positionsOf(sent)).toEqual([1, 2, 3, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('reads again when the batch read ahead was empty, so events appended meanwhile do not wait for the next poll', async () => {
    const { relay, memory, reads } = harness();
    await memory.appendToStream('opportunity-d', dealHistory('d', 2), 'no_stream');
    expect(await relay.relayOnce()).toEqual({ count: 3, from: 0, to: 3 });
    await pollUntil(async () => reads, { timeoutMs: 5_000, until: (r) => r.length === 2 });
    await memory.appendToStream('opportunity-e', dealHistory('e', 1), 'no_stream');
    expect(await relay.relayOnce()).toEqual({ count: 2, from: 3, to: 5 });
  });

  it('on stop, finishes and checkpoints the batch in flight, sends nothing read ahead, and resolves only once that read is over', async () => {
    const sendGate = gate();
    const readGate = gate();
    const { relay, memory, sent, checkpoints, running } = harness({ sendGate, readGate: (after) => (after === 3 ? readGate : undefined) });
    await memory.appendToStream('opportunity-f', dealHistory('f', 6), 'no_stream');
    relay.start();
    await pollUntil(async () => running(), { timeoutMs: 5_000, until: (n) => n === 1 });
    let stopped = false;
    const stopping = relay.stop().then(() => {
      stopped = true;
    });
    sendGate.open();
    await drained(checkpoints, 3);
    await settleCallbacks();
    expect(stopped).toBe(false);
    readGate.open();
    await stopping;
    expect(running()).toBe(0);
    expect(positionsOf(sent)).toEqual([1, 2, 3]);
    expect(await checkpoints.load('relay')).toBe(3);
  });
});
