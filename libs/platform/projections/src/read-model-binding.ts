import type { ConsumedEvent } from '@meridian/platform/kafka';
import type { ApplyOutcome } from './apply-event';
import { applyEvent } from './apply-event';
import type { ProjectedDocument, Projection } from './projection';
import type { DeliveryLane, ProgressStore, ReadModelStorage } from './read-model-store.port';

/** A read model bound to the storage it feeds, with its document type hidden so different ones can be driven together. */
export type ReadModelBinding = Readonly<{
  readModel: string;
  apply: (event: ConsumedEvent, lane: DeliveryLane) => Promise<ApplyOutcome>;
  progress: ProgressStore;
}>;

export const bindReadModel = <TDocument extends ProjectedDocument>(projection: Projection<TDocument>, storage: ReadModelStorage<TDocument>): ReadModelBinding => ({
  readModel: projection.readModel,
  apply: (event, lane) => applyEvent(projection, storage, event, lane),
  progress: storage.progress,
});
