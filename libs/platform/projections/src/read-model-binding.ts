import type { ConsumedEvent } from '@meridian/platform/kafka';
import type { ApplyOutcome } from './apply-event';
import { applyEvent } from './apply-event';
import type { BatchEvent } from './apply-events';
import { applyEvents } from './apply-events';
import type { HistoryFold, HistoryFoldOptions } from './history-fold';
import { createHistoryFold } from './history-fold';
import type { ProjectedDocument, Projection } from './projection';
import type { DeliveryLane, ProgressStore, ReadModelStorage } from './read-model-store.port';

/** A read model bound to the storage it feeds, with its document type hidden so different ones can be driven together. */
export type ReadModelBinding = Readonly<{
  readModel: string;
  apply: (event: ConsumedEvent, lane: DeliveryLane) => Promise<ApplyOutcome>;
  /** A lane's batch at once (read models; process managers react one event at a time and have none). */
  applyBatch?: (laneId: string, batch: readonly BatchEvent[]) => Promise<ApplyOutcome[]>;
  /** Its share of a bulk replay of the history, for when its storage is empty (read models only: a process manager must react event by event). */
  historyFold?: (options: HistoryFoldOptions) => HistoryFold;
  /** Empties its storage, where that is possible: before it is filled again from the history. */
  reset?: () => Promise<void>;
  progress: ProgressStore;
}>;

export const bindReadModel = <TDocument extends ProjectedDocument>(
  projection: Projection<TDocument>,
  storage: ReadModelStorage<TDocument>,
  reset?: () => Promise<void>,
): ReadModelBinding => ({
  readModel: projection.readModel,
  apply: (event, lane) => applyEvent(projection, storage, event, lane),
  applyBatch: (laneId, batch) => applyEvents(projection, storage, laneId, batch),
  historyFold: (options) => createHistoryFold(projection, storage, options),
  ...(reset === undefined ? {} : { reset }),
  progress: storage.progress,
});
