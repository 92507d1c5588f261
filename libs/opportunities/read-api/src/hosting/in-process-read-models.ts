import type { EventStore } from '@meridian/platform/eventsourcing';
import type { StructuredLog } from '@meridian/platform/kafka';
import { createEventRouter } from '@meridian/platform/kafka';
import type { InProcessProjections } from '@meridian/platform/projections';
import { bindReadModel, createMemoryReadModelStorage, createStoreFeed, inProcessReadModelAccess, startInProcessProjections } from '@meridian/platform/projections';
import { opportunitiesPublicCatalogue, opportunitiesTopic } from '@meridian/opportunities/contracts';
import type { OpportunityListItem } from '@meridian/read-models/opportunity-list';
import { opportunityListProjection } from '@meridian/read-models/opportunity-list';
import type { FunnelEntry } from '@meridian/read-models/sales-funnel';
import { salesFunnelProjection } from '@meridian/read-models/sales-funnel';
import type { OpportunityReadModels } from '../shared/opportunity-read-models';

export type InProcessReadModels = Readonly<{ readModels: OpportunityReadModels; projections: InProcessProjections }>;

/**
 * Standalone mode's read side: the list and the funnel in memory, fed from
 * the embedded event store in process. Memory needs no server; the event
 * store is the durable part, so a restart replays the history into them
 * (with progress output) and nothing is lost.
 */
export const startInProcessReadModels = async (
  store: EventStore,
  log: StructuredLog,
  progress: (line: string) => void,
  maxWaitMs: number,
): Promise<InProcessReadModels> => {
  const list = createMemoryReadModelStorage<OpportunityListItem>();
  const funnel = createMemoryReadModelStorage<FunnelEntry>();
  const router = createEventRouter({ catalogues: [opportunitiesPublicCatalogue] });
  const projections = await startInProcessProjections({
    feed: createStoreFeed(store, router, [opportunitiesTopic]),
    readModels: [bindReadModel(opportunityListProjection, list), bindReadModel(salesFunnelProjection, funnel)],
    log,
    progress,
  });
  return {
    projections,
    readModels: { opportunityList: inProcessReadModelAccess(list, projections), salesFunnel: inProcessReadModelAccess(funnel, projections), maxWaitMs },
  };
};
