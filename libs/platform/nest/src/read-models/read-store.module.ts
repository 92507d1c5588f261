import type { DynamicModule, OnApplicationShutdown } from '@nestjs/common';
import { Global, Inject, Injectable, Logger, Module } from '@nestjs/common';
import type { InProcessReadStore } from '@meridian/platform/projections';
import { openInProcessReadStore } from '@meridian/platform/projections';
import { redactUrl } from '../config/redact-url';

export const READ_STORE = Symbol('InProcessReadStore');

@Injectable()
class ReadStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(READ_STORE) private readonly readStore: InProcessReadStore) {}

  /** After the feeds stopped (they stop before application shutdown), so no write is cut off. */
  async onApplicationShutdown(): Promise<void> {
    await this.readStore.close();
  }
}

const openWithProgress = async (url: string): Promise<InProcessReadStore> => {
  const logger = new Logger('ReadStore');
  const started = Date.now();
  const readStore = await openInProcessReadStore(url);
  if (readStore.kind === 'memory') logger.warn(`read models in memory (${url}): every start replays the whole history into them; set READ_STORE_URL to keep them`);
  else logger.log(`read models and process-manager state in ${redactUrl(url)}, ready in ${Date.now() - started} ms`);
  return readStore;
};

/**
 * Standalone mode's read store, opened once and shared by every module that
 * feeds read models or process managers in process (see in-process-read-store.ts).
 */
@Global()
@Module({})
export class ReadStoreModule {
  static forRoot(url: string): DynamicModule {
    return {
      module: ReadStoreModule,
      providers: [{ provide: READ_STORE, useFactory: () => openWithProgress(url) }, ReadStoreCloser],
      exports: [READ_STORE],
    };
  }
}
