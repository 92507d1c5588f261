import { createMemoryCounterStore, createMemoryProgressStore, createMemoryReadModelStore } from './memory-read-model-store';
import { counterAndProgressContract, readModelQueryContract, readModelStoreContract } from './testing/read-model-store.contract';

readModelStoreContract('memory', async () => createMemoryReadModelStore());
readModelQueryContract('memory', async () => createMemoryReadModelStore());
counterAndProgressContract('memory', async () => ({ counters: createMemoryCounterStore(), progress: createMemoryProgressStore() }));
