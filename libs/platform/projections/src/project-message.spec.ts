import type { IncomingMessage } from '@meridian/platform/kafka';
import { createMemoryReadModelStore } from './memory-read-model-store';
import type { DeadLetterCause, DeadLetterSink } from './project-message';
import { projectMessage } from './project-message';
import type { Projection } from './projection';

type Counter = { streamRevision: number; total: number };

/** Sums `{ add }` payloads per stream; `{ add: -1 }` is a bug in the projection (it throws). */
const projection: Projection<Counter> = {
  readModel: 'counter',
  documentIdOf: (event) => (event.streamId.startsWith('counter-') ? event.streamId : undefined),
  evolve: (document, event) => {
    const { add } = event.payload as { add: number };
    if (add < 0) throw new RangeError('negative add');
    return { streamRevision: event.streamRevision, total: (document?.total ?? 0) + add };
  },
};

const message = (streamId: string, revision: number, add: number, offset = revision): IncomingMessage => ({
  key: Buffer.from(streamId),
  value: Buffer.from(JSON.stringify({ add })),
  offset: String(offset),
  headers: {
    ce_id: `${streamId}-${revision}`, ce_type: 'test.Added.v1', ce_schemaversion: '1', ce_streamrevision: String(revision),
    ce_globalposition: String(100 + offset), ce_tenantid: 't', ce_time: '2026-01-01T00:00:00Z', ce_correlationid: 'c', ce_causationid: 'k',
  },
});

const setup = () => {
  const store = createMemoryReadModelStore<Counter>();
  const dead: { topic: string; cause: DeadLetterCause; error: string }[] = [];
  const deadLetters: DeadLetterSink = { send: async (topic, _message, cause, error) => void dead.push({ topic, cause, error }) };
  const run = (m: IncomingMessage) => projectMessage({ projection, store, deadLetters }, 'crm.counters', 0, m);
  return { store, dead, run };
};

describe('projectMessage', () => {
  it('applies events in order and records the stream revision', async () => {
    const { store, run } = setup();
    expect(await run(message('counter-1', 0, 5))).toBe('applied');
    expect(await run(message('counter-1', 1, 2))).toBe('applied');
    expect(store.documents().get('counter-1')).toEqual({ streamRevision: 1, total: 7 });
  });

  it('the same event twice changes nothing', async () => {
    const { store, run } = setup();
    await run(message('counter-1', 0, 5));
    expect(await run(message('counter-1', 0, 5, 9))).toBe('already-applied');
    expect(store.documents().get('counter-1')).toEqual({ streamRevision: 0, total: 5 });
  });

  it('dead-letters an undecodable message and a projection error, then carries on', async () => {
    const { store, dead, run } = setup();
    expect(await run({ ...message('counter-1', 0, 5), value: Buffer.from('{not json') })).toBe('dead-lettered');
    expect(await run(message('counter-1', 0, -1))).toBe('dead-lettered');
    expect(await run(message('counter-1', 1, 3))).toBe('applied');
    expect(dead).toEqual([
      { topic: 'crm.counters', cause: 'malformed', error: expect.stringContaining('not JSON') },
      { topic: 'crm.counters', cause: 'projection-failed', error: 'RangeError: negative add' },
    ]);
    expect(store.documents().get('counter-1')).toEqual({ streamRevision: 1, total: 3 });
  });

  it('ignores events of streams the projection does not keep', async () => {
    const { store, run } = setup();
    expect(await run(message('other-1', 0, 5))).toBe('ignored');
    expect(store.documents().size).toBe(0);
  });

  it('lets a store failure propagate (the offset stays uncommitted, the message comes again)', async () => {
    const store = { ...createMemoryReadModelStore<Counter>(), save: () => Promise.reject(new Error('store down')) };
    const deadLetters: DeadLetterSink = { send: () => Promise.reject(new Error('must not dead-letter')) };
    await expect(projectMessage({ projection, store, deadLetters }, 't', 0, message('counter-1', 0, 5))).rejects.toThrow('store down');
  });
});
