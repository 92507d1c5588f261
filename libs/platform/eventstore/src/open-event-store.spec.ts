import { MemoryEventStore } from '@meridian/platform/eventsourcing';
import { openEventStore } from './open-event-store';

describe('openEventStore', () => {
  it('opens an in-memory store for memory:', async () => {
    const store = await openEventStore('memory:');
    expect(store).toBeInstanceOf(MemoryEventStore);
    await store.close();
  });

  it('says the EventStoreDB adapter is not part of this build', async () => {
    await expect(openEventStore('esdb://admin:secret@localhost:2113?tls=false')).rejects.toThrow(
      /EventStoreDB.*not part of this build/,
    );
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
