import type { IncomingMessage } from '@meridian/platform/kafka';
import { sumCounterFigures } from './counters';
import { createMemoryReadModelStorage } from './memory-read-model-store';
import type { DeadLetterCause, DeadLetterSink } from './project-message';
import { projectMessage } from './project-message';
import { bindReadModel } from './read-model-binding';
import type { ReadModelStorage } from './read-model-store.port';
import type { Counter } from './testing/store-feed.fake';
import { counterProjection } from './testing/store-feed.fake';

/** Sums `{ add }` payloads per stream, with a grand total per tenant as a counter; `{ add: -1 }` throws. */
const projection = counterProjection;

const message = (streamId: string, revision: number, add: number, offset = revision): IncomingMessage => ({
  key: Buffer.from(streamId),
  value: Buffer.from(JSON.stringify({ add })),
  offset: String(offset),
  headers: {
    ce_id: `${streamId}-${revision}`, ce_type: 'test.Added.v1', ce_schemaversion: '1', ce_streamrevision: String(revision),
    ce_globalposition: String(100 + offset), ce_tenantid: 't', ce_time: '2026-01-01T00:00:00Z', ce_correlationid: 'c', ce_causationid: 'k',
  },
});

const setup = (storage: ReadModelStorage<Counter> = createMemoryReadModelStorage<Counter>()) => {
  const dead: { topic: string; cause: DeadLetterCause; error: string }[] = [];
  const deadLetters: DeadLetterSink = { send: async (topic, _message, cause, error) => void dead.push({ topic, cause, error }) };
  const run = async (m: IncomingMessage) => (await projectMessage({ binding: bindReadModel(projection, storage), deadLetters }, 'crm.counters', 0, m)).outcome;
  const document = (id: string) => storage.documents.load(id);
  const grandTotal = async () => sumCounterFigures(await storage.counters.find({ equals: { tenantId: 't' } })).total;
  return { storage, dead, run, document, grandTotal };
};

describe('projectMessage', () => {
  it('applies events in order, recording the stream revision and the aggregate', async () => {
    const { run, document, grandTotal } = setup();
    expect(await run(message('counter-1', 0, 5))).toBe('applied');
    expect(await run(message('counter-1', 1, 2))).toBe('applied');
    expect(await run(message('counter-2', 0, 4, 2))).toBe('applied');
    expect(await document('counter-1')).toEqual({ streamRevision: 1, total: 7 });
    expect(await grandTotal()).toBe(11);
  });

  it('the same event twice changes nothing, documents and aggregates alike', async () => {
    const { run, document, grandTotal } = setup();
    await run(message('counter-1', 0, 5));
    expect(await run(message('counter-1', 0, 5, 9))).toBe('already-applied');
    expect(await run(message('counter-1', 0, 5))).toBe('already-applied');
    expect(await document('counter-1')).toEqual({ streamRevision: 0, total: 5 });
    expect(await grandTotal()).toBe(5);
  });

  it('a crash between the counter write and the document write: the redelivery completes without counting twice', async () => {
    const storage = createMemoryReadModelStorage<Counter>();
    let failNextSave = false;
    const crashing: ReadModelStorage<Counter> = {
      ...storage,
      documents: {
        ...storage.documents,
        save: (id, doc) => {
          if (!failNextSave) return storage.documents.save(id, doc);
          failNextSave = false;
          return Promise.reject(new Error('process died'));
        },
      },
    };
    const { run, document, grandTotal } = setup(crashing);
    await run(message('counter-1', 0, 5));
    failNextSave = true;
    await expect(run(message('counter-1', 1, 3))).rejects.toThrow('process died');
    expect(await grandTotal()).toBe(8);
    expect(await run(message('counter-1', 1, 3))).toBe('applied');
    expect(await document('counter-1')).toEqual({ streamRevision: 1, total: 8 });
    expect(await grandTotal()).toBe(8);
  });

  it('dead-letters an undecodable message and a projection error, then carries on', async () => {
    const { dead, run, document } = setup();
    expect(await run({ ...message('counter-1', 0, 5), value: Buffer.from('{not json') })).toBe('dead-lettered');
    expect(await run(message('counter-1', 0, -1))).toBe('dead-lettered');
    expect(await run(message('counter-1', 1, 3))).toBe('applied');
    expect(dead).toEqual([
      { topic: 'crm.counters', cause: 'malformed', error: expect.stringContaining('not JSON') },
      { topic: 'crm.counters', cause: 'projection-failed', error: 'RangeError: negative add' },
    ]);
    expect(await document('counter-1')).toEqual({ streamRevision: 1, total: 3 });
  });

  it('ignores events of streams the projection does not keep', async () => {
    const { storage, run } = setup();
    expect(await run(message('other-1', 0, 5))).toBe('ignored');
    expect(await storage.documents.find({})).toEqual([]);
  });

  it('lets a store failure propagate (the offset stays uncommitted, the message comes again)', async () => {
    const storage = createMemoryReadModelStorage<Counter>();
    const failing = { ...storage, documents: { ...storage.documents, load: () => Promise.reject(new Error('store down')) } };
    const deadLetters: DeadLetterSink = { send: () => Promise.reject(new Error('must not dead-letter')) };
    await expect(projectMessage({ binding: bindReadModel(projection, failing), deadLetters }, 't', 0, message('counter-1', 0, 5))).rejects.toThrow('store down');
  });
});
