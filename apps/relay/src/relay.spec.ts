import { MemoryEventStore } from '@meridian/platform/eventsourcing';
import type { CheckpointStore } from '@meridian/platform/eventstore';
import { MemoryCheckpointStore } from '@meridian/platform/eventstore';
import type { OutgoingMessage } from '@meridian/platform/kafka';
import { createEventRouter } from '@meridian/platform/kafka';
import { pollUntil } from '@meridian/platform/testing';
import { relayCatalogues } from './relay-catalogues';
import { Relay } from './relay';
import { dealHistory } from './testing/relay.fixtures';

type Harness = Readonly<{ relay: Relay; sent: OutgoingMessage[]; checkpoints: CheckpointStore; store: MemoryEventStore }>;

const harness = (faults: { publish?: number; save?: number } = {}): Harness => {
  const store = new MemoryEventStore();
  const memory = new MemoryCheckpointStore();
  const sent: OutgoingMessage[] = [];
  let publishFaults = faults.publish ?? 0;
  let saveFaults = faults.save ?? 0;
  const checkpoints: CheckpointStore = {
    load: (name) => memory.load(name),
    save: async (name, position) => {
      if (saveFaults-- > 0) throw new Error('checkpoint database unavailable');
      await memory.save(name, position);
    },
  };
  const publisher = {
    publish: async (messages: readonly OutgoingMessage[]) => {
      if (publishFaults-- > 0) throw new Error('broker unavailable');
      sent.push(...messages);
    },
  };
  const relay = new Relay({
    store, checkpoints, publisher, router: createEventRouter({ catalogues: relayCatalogues }), log: () => undefined,
    checkpointName: 'relay', batchSize: 3, pollIntervalMs: 5, retryDelayMs: 1,
  });
  return { relay, sent, checkpoints, store };
};

const positionsOf = (messages: readonly OutgoingMessage[]) => messages.map((m) => Number(m.headers.ce_globalposition));

describe('relay loop', () => {
  it('relays the feed in order, batch by batch, saving the checkpoint after each send', async () => {
    const { relay, sent, checkpoints, store } = harness();
    await store.appendToStream('opportunity-a', dealHistory('a', 4), 'no_stream');
    expect(await relay.relayOnce()).toEqual({ count: 3, from: 0, to: 3 });
    expect(await checkpoints.load('relay')).toBe(3);
    await relay.relayOnce();
    expect(await relay.relayOnce()).toEqual({ count: 0, from: 5, to: 5 });
    expect(positionsOf(sent)).toEqual([1, 2, 3, 4, 5]);
    expect(sent.every((m) => m.topic === 'crm.opportunities' && m.key === 'opportunity-a')).toBe(true);
  });

  it('does not advance the checkpoint when the send fails, and re-sends the batch', async () => {
    const { relay, sent, checkpoints, store } = harness({ publish: 1 });
    await store.appendToStream('opportunity-b', dealHistory('b', 1), 'no_stream');
    await expect(relay.relayOnce()).rejects.toThrow('broker unavailable');
    expect(await checkpoints.load('relay')).toBe(0);
    relay.start();
    await pollUntil(() => checkpoints.load('relay'), { timeoutMs: 5_000, until: (p) => p === 2 });
    await relay.stop();
    expect(positionsOf(sent)).toEqual([1, 2]);
  });

  it('re-sends a batch whose checkpoint save failed (at least once, nothing lost)', async () => {
    const { relay, sent, checkpoints, store } = harness({ save: 1 });
    await store.appendToStream('opportunity-c', dealHistory('c', 1), 'no_stream');
    relay.start();
    await pollUntil(() => checkpoints.load('relay'), { timeoutMs: 5_000, until: (p) => p === 2 });
    await relay.stop();
    expect(positionsOf(sent)).toEqual([1, 2, 1, 2]);
    expect(sent[0].headers.ce_id).toBe(sent[2].headers.ce_id);
  });

  it('dead-letters an invalid event and carries on with the next ones', async () => {
    const { relay, sent, store } = harness();
    const [open, change] = dealHistory('d', 1);
    await store.appendToStream('opportunity-d', [open, { ...change, data: { opportunityId: 'd' } }], 'no_stream');
    await store.appendToStream('opportunity-e', dealHistory('e', 0), 'no_stream');
    await relay.relayOnce();
    expect(sent.map((m) => m.topic)).toEqual(['crm.opportunities', 'crm.opportunities.dlq', 'crm.opportunities']);
  });

  it('stops promptly when idle', async () => {
    const { relay } = harness();
    relay.start();
    await relay.stop();
  });
});
