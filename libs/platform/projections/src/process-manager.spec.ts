import { BusinessRuleViolation } from '@meridian/platform/eventsourcing';
import type { ConsumedEvent } from '@meridian/platform/kafka';
import { createMemoryReadModelStorage } from './memory-read-model-store';
import type { ProcessManager, ReactionOutcome } from './process-manager';
import { ReactionRefused, bindProcessManager } from './process-manager';
import type { Projection } from './projection';
import { consumedEvent } from './testing/store-feed.fake';

type Remembered = Readonly<{ streamRevision: number; customerId: string }>;
const lane = (sequence: number) => ({ id: 't#0', sequence });

/** "Opened" (revision 0) names the customer; "won" (revision 1) must be acted on with it. */
const opened = consumedEvent(1, 'deal-1', 0, 0);
const won = { ...consumedEvent(2, 'deal-1', 1, 0), payload: { won: true } };
const remember: Projection<Remembered> = {
  readModel: 'deal-customers',
  documentIdOf: (event) => event.streamId,
  evolve: (document, event) => ({ streamRevision: event.streamRevision, customerId: document?.customerId ?? 'cust-7' }),
};

const managerSending = (sent: string[], refuse = false): ProcessManager<Remembered> => ({
  name: 'draft-on-win',
  topics: ['crm.deals'],
  state: remember,
  react: async (event: ConsumedEvent, state) => {
    if (!(event.payload as { won?: boolean }).won) return 'ignored';
    if (refuse) throw new BusinessRuleViolation('not-found', 'no such customer');
    sent.push(`draft for ${state?.customerId ?? 'unknown'}`);
    return 'reacted';
  },
});

describe('a process manager bound to its state store', () => {
  it('reacts with the state remembered from earlier events of the stream', async () => {
    const sent: string[] = [];
    const binding = bindProcessManager(managerSending(sent), createMemoryReadModelStorage<Remembered>());
    expect(await binding.apply(opened, lane(0))).toBe('applied');
    expect(await binding.apply(won, lane(1))).toBe('applied');
    expect(sent).toEqual(['draft for cust-7']);
  });

  it('keeps its state once when an event comes twice; the repeated reaction is left to the idempotent command', async () => {
    const sent: string[] = [];
    const storage = createMemoryReadModelStorage<Remembered>();
    const binding = bindProcessManager(managerSending(sent), storage);
    await binding.apply(opened, lane(0));
    expect(await binding.apply(opened, lane(0))).toBe('already-applied');
    expect(await storage.documents.load('deal-1')).toEqual({ streamRevision: 0, customerId: 'cust-7' });
  });

  it('runs the reaction before writing the state, so a crash in between re-runs the reaction instead of skipping it', async () => {
    const sent: string[] = [];
    const storage = createMemoryReadModelStorage<Remembered>();
    const crashingOnSave = { ...storage, documents: { ...storage.documents, save: () => Promise.reject(new Error('crash')) } };
    await bindProcessManager(managerSending(sent), storage).apply(opened, lane(0));
    await expect(bindProcessManager(managerSending(sent), crashingOnSave).apply(won, lane(1))).rejects.toThrow('crash');
    await bindProcessManager(managerSending(sent), storage).apply(won, lane(1));
    expect(sent).toEqual(['draft for cust-7', 'draft for cust-7']);
  });

  it('turns a rule violation of the target context into a dead letter, and leaves the state untouched', async () => {
    const storage = createMemoryReadModelStorage<Remembered>();
    const binding = bindProcessManager(managerSending([], true), storage);
    await binding.apply(opened, lane(0));
    await expect(binding.apply(won, lane(1))).rejects.toBeInstanceOf(ReactionRefused);
    expect(await storage.documents.load('deal-1')).toEqual({ streamRevision: 0, customerId: 'cust-7' });
  });

  it('lets any other failure propagate, so the message is retried', async () => {
    const failing: ProcessManager<Remembered> = { name: 'x', topics: [], react: () => Promise.reject(new Error('event store down')) };
    const binding = bindProcessManager(failing, createMemoryReadModelStorage<Remembered>());
    await expect(binding.apply(opened, lane(0))).rejects.toThrow('event store down');
    await expect(binding.apply(opened, lane(0))).rejects.not.toBeInstanceOf(ReactionRefused);
  });

  it('tells its observer what became of each event: applied, duplicate, skipped, refused, failed', async () => {
    const heard: ReactionOutcome[] = [];
    const observe = (outcome: ReactionOutcome) => void heard.push(outcome);
    const storage = createMemoryReadModelStorage<Remembered>();
    const binding = bindProcessManager(managerSending([]), storage, observe);
    await binding.apply(opened, lane(0));
    await binding.apply(opened, lane(0));
    await binding.apply(won, lane(1));
    const stateless: ProcessManager<Remembered> = { name: 'y', topics: [], react: async () => 'ignored' };
    await bindProcessManager(stateless, storage, observe).apply(opened, lane(0));
    const refusing = bindProcessManager(managerSending([], true), createMemoryReadModelStorage<Remembered>(), observe);
    await expect(refusing.apply(won, lane(1))).rejects.toBeInstanceOf(ReactionRefused);
    const failing: ProcessManager<Remembered> = { name: 'x', topics: [], react: () => Promise.reject(new Error('event store down')) };
    await expect(bindProcessManager(failing, storage, observe).apply(won, lane(1))).rejects.toThrow('event store down');

    expect(heard).toEqual(['applied', 'duplicate', 'applied', 'skipped', 'refused', 'failed']);
  });
});

describe('a process manager given a batch (the in-process feed)', () => {
  const batch = (...events: ConsumedEvent[]) => events.map((event) => ({ event, sequence: event.globalPosition }));
  const otherOpened = consumedEvent(3, 'deal-2', 0, 0);
  const otherWon = { ...consumedEvent(4, 'deal-2', 1, 0), payload: { won: true } };

  it('reacts to each event in order with the state of its stream before it, and keeps every state', async () => {
    const sent: string[] = [];
    const storage = createMemoryReadModelStorage<Remembered>();
    const binding = bindProcessManager(managerSending(sent), storage, undefined, { batches: true });
    expect(await binding.applyBatch?.('store', batch(opened, otherOpened, won, otherWon))).toEqual(['applied', 'applied', 'applied', 'applied']);
    expect(sent).toEqual(['draft for cust-7', 'draft for cust-7']);
    expect(await storage.documents.load('deal-1')).toEqual({ streamRevision: 1, customerId: 'cust-7' });
    expect(await storage.documents.load('deal-2')).toEqual({ streamRevision: 1, customerId: 'cust-7' });
  });

  it('keeps the states once when a batch comes again; its reactions run again for the idempotent commands', async () => {
    const sent: string[] = [];
    const storage = createMemoryReadModelStorage<Remembered>();
    const binding = bindProcessManager(managerSending(sent), storage, undefined, { batches: true });
    await binding.applyBatch?.('store', batch(opened, won));
    expect(await binding.applyBatch?.('store', batch(opened, won))).toEqual(['already-applied', 'applied']);
    expect(await storage.documents.load('deal-1')).toEqual({ streamRevision: 1, customerId: 'cust-7' });
  });

  it('writes no state when a reaction fails, so the whole batch is tried again', async () => {
    const storage = createMemoryReadModelStorage<Remembered>();
    const binding = bindProcessManager(managerSending([], true), storage, undefined, { batches: true });
    await expect(binding.applyBatch?.('store', batch(opened, won))).rejects.toBeInstanceOf(ReactionRefused);
    expect(await storage.documents.load('deal-1')).toBeNull();
  });

  it('has no batch path unless asked: over Kafka each message gets its own span', () => {
    expect(bindProcessManager(managerSending([]), createMemoryReadModelStorage<Remembered>()).applyBatch).toBeUndefined();
  });
});
