import type { Decider, DomainEvent } from './decider';
import type { CommandContext, NewEvent } from './envelope';
import type { ExpectedRevision } from './event-store.port';
import { CommandHandler } from './command-handler';
import { ConcurrencyRetriesExhausted, IdempotencyKeyReused, StaleRevision } from './command-handler.errors';
import { MemoryEventStore } from './memory-event-store';
import { BusinessRuleViolation } from './rule-violation';

// A tally that counts up to a limit: small enough to see every branch of the handler.
type Add = { type: 'Add'; data: { by: number } };
type Added = DomainEvent<'Added', { by: number; total: number }>;
const limit = 10;
const tally: Decider<Add, Added, { total: number }> = {
  initialState: { total: 0 },
  evolve: (_state, event) => ({ total: event.data.total }),
  decide: ({ data }, state) => {
    if (data.by === 0) return [];
    if (state.total + data.by > limit) throw new BusinessRuleViolation('over-limit', 'too much');
    return [{ type: 'Added', data: { by: data.by, total: state.total + data.by } }];
  },
};

const streamId = 'tally-1';
const context: CommandContext = { tenantId: 'acme', actorId: 'u-1', correlationId: 'corr-1', causationId: 'cmd-1', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' };
const occurredAt = '2026-11-22T10:00:00.000Z';
let ids = 0;
const newEventId = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;

/** A store where another writer slips in an event just before each of our first `races` appends. */
class RacingStore extends MemoryEventStore {
  constructor(private races: number) {
    super();
  }

  armRaces(races: number): void {
    this.races = races;
  }

  override async appendToStream(id: string, events: readonly NewEvent[], expected: ExpectedRevision) {
    if (this.races > 0) {
      this.races--;
      const current = await this.readStream(id);
      const total = current.length === 0 ? 0 : (current[current.length - 1].data as { total: number }).total;
      await super.appendToStream(id, [{ ...events[0], eventId: newEventId(), data: { by: 1, total: total + 1 } }], current.length === 0 ? 'no_stream' : current.length - 1);
    }
    return super.appendToStream(id, events, expected);
  }
}

const add = (by: number): Add => ({ type: 'Add', data: { by } });

describe('CommandHandler', () => {
  it('appends the decided events with the metadata infrastructure stamps', async () => {
    const store = new MemoryEventStore();
    const result = await new CommandHandler(store, { newEventId }).handle({ decider: tally, streamId, command: add(2), context, occurredAt });
    const [event] = await store.readStream(streamId);
    expect(result).toMatchObject({ streamId, revision: 0, position: event.globalPosition, replayed: false });
    expect(event).toMatchObject({ type: 'Added', data: { by: 2, total: 2 } });
    expect(event.metadata).toEqual({ ...context, schemaVersion: 1, occurredAt });
  });

  it('re-reads and decides again when another writer won the race, if no revision was pinned', async () => {
    const store = new RacingStore(2);
    const result = await new CommandHandler(store, { newEventId }).handle({ decider: tally, streamId, command: add(3), context, occurredAt });
    const events = await store.readStream(streamId);
    expect(events.map((e) => e.data)).toEqual([{ by: 1, total: 1 }, { by: 1, total: 2 }, { by: 3, total: 5 }]);
    expect(result.revision).toBe(2);
  });

  it('gives up after the configured number of attempts', async () => {
    const waits: number[] = [];
    const backoff = async (attempt: number) => void waits.push(attempt);
    const handler = new CommandHandler(new RacingStore(5), { newEventId, maxAttempts: 3, backoff });
    await expect(handler.handle({ decider: tally, streamId, command: add(1), context, occurredAt })).rejects.toBeInstanceOf(ConcurrencyRetriesExhausted);
    expect(waits).toEqual([1, 2]);
  });

  it('refuses a pinned revision the stream has moved past, before deciding', async () => {
    const store = new MemoryEventStore();
    const handler = new CommandHandler(store, { newEventId });
    await handler.handle({ decider: tally, streamId, command: add(1), context, occurredAt });
    await expect(handler.handle({ decider: tally, streamId, command: add(1), context, occurredAt, pinnedRevision: 5 })).rejects.toBeInstanceOf(StaleRevision);
    expect(await store.readStream(streamId)).toHaveLength(1);
  });

  it('does not retry a pinned caller that loses the race between read and append', async () => {
    const store = new RacingStore(0);
    const handler = new CommandHandler(store, { newEventId });
    await handler.handle({ decider: tally, streamId, command: add(1), context, occurredAt });
    store.armRaces(1);
    const pinned = handler.handle({ decider: tally, streamId, command: add(1), context, occurredAt, pinnedRevision: 0 });
    await expect(pinned).rejects.toMatchObject({ name: 'StaleRevision', pinned: 0, actual: 1 });
    expect(await store.readStream(streamId)).toHaveLength(2);
  });

  it('answers an Idempotency-Key retry with the first result and appends nothing', async () => {
    const store = new MemoryEventStore();
    const handler = new CommandHandler(store, { newEventId });
    const keyed = { ...context, idempotencyKey: 'k-1', requestHash: 'h-1' };
    const first = await handler.handle({ decider: tally, streamId, command: add(2), context: keyed, occurredAt });
    await handler.handle({ decider: tally, streamId, command: add(1), context, occurredAt });
    const retry = await handler.handle({ decider: tally, streamId, command: add(2), context: keyed, occurredAt });
    expect(retry).toEqual({ ...first, appended: [], replayed: true });
    expect(await store.readStream(streamId)).toHaveLength(2);
    await expect(
      handler.handle({ decider: tally, streamId, command: add(4), context: { ...keyed, requestHash: 'h-2' }, occurredAt }),
    ).rejects.toBeInstanceOf(IdempotencyKeyReused);
  });

  it('derives event ids from the Idempotency-Key so racing copies dedupe in the store', async () => {
    const keyed = { ...context, idempotencyKey: 'k-2', requestHash: 'h' };
    const first = await new CommandHandler(new MemoryEventStore()).handle({ decider: tally, streamId, command: add(1), context: keyed, occurredAt });
    const second = await new CommandHandler(new MemoryEventStore()).handle({ decider: tally, streamId, command: add(1), context: keyed, occurredAt });
    expect(first.appended[0].eventId).toBe(second.appended[0].eventId);
  });

  it("sees another tenant's stream as empty, with or without If-Match", async () => {
    const store = new MemoryEventStore();
    const seen: { total: number }[] = [];
    const spying = { ...tally, decide: (command: Add, state: { total: number }) => (seen.push(state), tally.decide(command, state)) };
    const handler = new CommandHandler(store, { newEventId, maxAttempts: 2, backoff: async () => undefined });
    await handler.handle({ decider: tally, streamId, command: add(4), context, occurredAt });
    const globex = { ...context, tenantId: 'globex' };

    await expect(handler.handle({ decider: spying, streamId, command: add(1), context: globex, occurredAt, pinnedRevision: 0 }))
      .rejects.toMatchObject({ name: 'StaleRevision', actual: 'no_stream' });
    await expect(handler.handle({ decider: spying, streamId, command: add(1), context: globex, occurredAt })).rejects.toThrow();
    expect(seen[0]).toEqual(tally.initialState);
    expect(await store.readStream(streamId)).toHaveLength(1);
  });

  it('refuses a different body under the same Idempotency-Key even when both race', async () => {
    const store = new MemoryEventStore();
    const handler = new CommandHandler(store, { newEventId });
    const keyed = (requestHash: string) => ({ ...context, idempotencyKey: 'k-race', requestHash });
    const outcomes = await Promise.allSettled([
      handler.handle({ decider: tally, streamId, command: add(1), context: keyed('h-1'), occurredAt }),
      handler.handle({ decider: tally, streamId, command: add(2), context: keyed('h-2'), occurredAt }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: expect.any(IdempotencyKeyReused) });
    expect(await store.readStream(streamId)).toHaveLength(1);
  });

  it('answers an identical racing copy as a replay of the winner', async () => {
    const store = new MemoryEventStore();
    const handler = new CommandHandler(store, { newEventId });
    const keyed = { ...context, idempotencyKey: 'k-same', requestHash: 'h' };
    const [a, b] = await Promise.all([
      handler.handle({ decider: tally, streamId, command: add(1), context: keyed, occurredAt }),
      handler.handle({ decider: tally, streamId, command: add(1), context: keyed, occurredAt }),
    ]);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect({ ...a, appended: [], replayed: false }).toEqual({ ...b, appended: [], replayed: false });
    expect(await store.readStream(streamId)).toHaveLength(1);
  });

  it('appends nothing when the decider decides nothing, and lets rule violations through', async () => {
    const store = new MemoryEventStore();
    const handler = new CommandHandler(store, { newEventId });
    await handler.handle({ decider: tally, streamId, command: add(1), context, occurredAt });
    const noop = await handler.handle({ decider: tally, streamId, command: add(0), context, occurredAt });
    expect(noop).toMatchObject({ revision: 0, appended: [] });
    await expect(handler.handle({ decider: tally, streamId, command: add(20), context, occurredAt })).rejects.toMatchObject({ code: 'over-limit' });
    expect(await store.readStream(streamId)).toHaveLength(1);
  });
});
