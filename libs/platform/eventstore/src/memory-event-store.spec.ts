import { describeEventStoreContract } from './testing';
import { MemoryEventStore } from '@meridian/platform/eventsourcing';

describeEventStoreContract('MemoryEventStore', async () => {
  const store = new MemoryEventStore();
  return { store, cleanup: () => store.close() };
});
