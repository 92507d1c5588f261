import { createMemoryCounterStore, createMemoryProgressStore, createMemoryReadModelStorage, createMemoryReadModelStore } from './memory-read-model-store';
import { counterAndProgressContract, readModelQueryContract, readModelStoreContract } from './testing/read-model-store.contract';
import { storeAbortContract } from './testing/store-abort.contract';

readModelStoreContract('memory', async () => createMemoryReadModelStore());
readModelQueryContract('memory', async () => createMemoryReadModelStore());
counterAndProgressContract('memory', async () => ({ counters: createMemoryCounterStore(), progress: createMemoryProgressStore() }));
storeAbortContract('memory', async () => createMemoryReadModelStorage());
