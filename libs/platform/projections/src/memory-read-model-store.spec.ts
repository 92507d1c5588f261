import { createMemoryReadModelStore } from './memory-read-model-store';
import { readModelStoreContract } from './testing/read-model-store.contract';

readModelStoreContract('memory', async () => createMemoryReadModelStore());
