import { MemoryEventStore } from '@meridian/platform/eventsourcing';
import { EsdbEventStore } from './esdb/esdb-event-store';
import { openEventStore } from './open-event-store';

describe('openEventStore', () => {
  it('opens an in-memory store for memory:', async () => {
    const store = await openEventStore('memory:');
    expect(store).toBeInstanceOf(MemoryEventStore);
    await store.close();
  });

  it('opens the EventStoreDB adapter for esdb:// and kurrentdb:// (connecting on first use)', async () => {
    for (const url of ['esdb://admin:secret@localhost:2113?tls=false', 'kurrentdb://localhost:2113?tls=false']) {
      const store = await openEventStore(url);
      expect(store).toBeInstanceOf(EsdbEventStore);
      await store.close();
    }
  });

  it('rejects an unknown scheme without echoing the rest of the URL', async () => {
    const opening = openEventStore('mysql://root:hunter2@db/events');
    await expect(opening).rejects.toThrow(/Unsupported event store URL scheme "mysql:"/);
    await expect(opening).rejects.not.toThrow(/hunter2/);
  });

  it('rejects embedded: without a directory', async () => {
    await expect(openEventStore('embedded:')).rejects.toThrow(/needs a directory/);
  });
});
