import { openSqlExecutor } from '@meridian/platform/eventstore';
import { createResettableMemoryStorage } from '../memory-read-model-store';
import type { ProjectedDocument } from '../projection';
import type { ReadModelStorage } from '../read-model-store.port';
import { openSqlReadModelStorage } from './sql-read-model-storage';
import { dropSqlReadModel, prepareSqlReadStore } from './sql-read-store.schema';

/** One read model's (or process manager's) storage in a read store, with what empties it. */
export type ResettableStorage<TDocument extends ProjectedDocument> = Readonly<{ storage: ReadModelStorage<TDocument>; reset: () => Promise<void> }>;

/**
 * Where a process that feeds its read models itself (standalone mode) keeps
 * them, with the progress marks that let a restart resume instead of
 * replaying: one engine for every read model and process manager.
 */
export type InProcessReadStore = Readonly<{
  /** `memory`, `embedded` or `postgres`: for logs. */
  kind: 'memory' | 'embedded' | 'postgres';
  open: <TDocument extends ProjectedDocument>(name: string) => ResettableStorage<TDocument>;
  close: () => Promise<void>;
}>;

/** Read models in memory: for hosts without a read store of their own (test hosts), and READ_STORE_URL=memory:. */
export const memoryReadStore = (): InProcessReadStore => {
  const opened = new Map<string, ResettableStorage<ProjectedDocument>>();
  return {
    kind: 'memory',
    open: <TDocument extends ProjectedDocument>(name: string) => {
      const existing = opened.get(name) ?? createResettableMemoryStorage<ProjectedDocument>();
      opened.set(name, existing);
      return existing as unknown as ResettableStorage<TDocument>;
    },
    close: async () => undefined,
  };
};

/**
 * Opens the read store a URL names: `memory:` (lost on exit: every start
 * replays the history), `embedded:<dir>` (PGlite in its own directory, beside
 * the embedded event store) or `postgres://…` (tables `read_model_*` in that
 * database). The SQL tables are created if missing.
 */
export const openInProcessReadStore = async (url: string): Promise<InProcessReadStore> => {
  const trimmed = url.trim();
  if (trimmed === 'memory:') return memoryReadStore();
  const executor = await openSqlExecutor(trimmed);
  try {
    await prepareSqlReadStore(executor);
  } catch (error) {
    await executor.close().catch(() => undefined);
    throw error;
  }
  return {
    kind: trimmed.startsWith('embedded:') ? 'embedded' : 'postgres',
    open: <TDocument extends ProjectedDocument>(name: string) => ({
      storage: openSqlReadModelStorage<TDocument>(executor, name),
      reset: () => executor.withTransaction((tx) => dropSqlReadModel(tx, name)),
    }),
    close: () => executor.close(),
  };
};
