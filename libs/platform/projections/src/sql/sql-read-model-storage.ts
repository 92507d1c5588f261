import type { SqlQueryable } from '@meridian/platform/eventstore';
import type { ProjectedDocument } from '../projection';
import type { ReadModelStorage } from '../read-model-store.port';
import { createSqlCounterStore, createSqlProgressStore } from './sql-counter-store';
import { createSqlReadModelStore } from './sql-read-model-store';

/** Everything one read model keeps, in the shared read-model tables (see sql-read-store.schema.ts; prepare them first). */
export const openSqlReadModelStorage = <TDocument extends ProjectedDocument>(db: SqlQueryable, readModel: string): ReadModelStorage<TDocument> => ({
  documents: createSqlReadModelStore<TDocument>(db, readModel),
  counters: createSqlCounterStore(db, readModel),
  progress: createSqlProgressStore(db, readModel),
});
