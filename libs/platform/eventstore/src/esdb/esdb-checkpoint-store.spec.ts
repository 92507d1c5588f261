import { describeCheckpointStoreContract } from '../testing';
import { EsdbCheckpointStore, checkpointStreamOf } from './esdb-checkpoint-store';
import { FakeEsdbClient } from './testing/fake-esdb-client';

// The shared contract, against the fake: the same suite runs against a real server in esdb-event-store.int.spec.ts.
describeCheckpointStoreContract('EventStoreDB adapter over a fake with the server semantics', async () => {
  const fake = new FakeEsdbClient();
  return { store: new EsdbCheckpointStore(fake), reopen: async () => new EsdbCheckpointStore(fake), cleanup: () => fake.dispose() };
});

describe('EsdbCheckpointStore', () => {
  it('keeps one stream per name holding only its newest checkpoint', async () => {
    const fake = new FakeEsdbClient();
    const store = new EsdbCheckpointStore(fake);
    for (const position of [10, 20, 30]) await store.save('relay', position);

    const stream = await fake.readStream(checkpointStreamOf('relay'), { from: 'start', direction: 'forwards', maxCount: 100 });
    expect(stream.map((event) => event.data)).toEqual([{ position: 30 }]);
    expect(stream[0].revision).toBe(2n);
  });

  it('never moves backwards under concurrent savers', async () => {
    const store = new EsdbCheckpointStore(new FakeEsdbClient());
    const positions = Array.from({ length: 20 }, (_, index) => (index * 7919) % 101);

    await Promise.all(positions.map((position) => store.save('relay', position)));

    expect(await store.load('relay')).toBe(Math.max(...positions));
  });

  it('refuses a stream whose last event is not a checkpoint', async () => {
    const fake = new FakeEsdbClient();
    await fake.append(checkpointStreamOf('broken'), [{ id: '7d1c1f1e-0000-4000-8000-000000000001', type: 'X', data: { nope: 1 }, metadata: {} }], 'any');
    await expect(new EsdbCheckpointStore(fake).load('broken')).rejects.toThrow(/holds no valid position/);
  });
});
