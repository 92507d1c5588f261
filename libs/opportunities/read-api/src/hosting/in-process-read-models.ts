import type { EventStore } from '@meridian/platform/eventsourcing';
import type { StructuredLog } from '@meridian/platform/kafka';
import { createEventRouter } from '@meridian/platform/kafka';
import type { InProcessProjections, InProcessReadStore } from '@meridian/platform/projections';
import { bindReadModel, createStoreFeed, inProcessReadModelAccess, startInProcessProjections } from '@meridian/platform/projections';
import { opportunitiesPublicCatalogue, opportunitiesTopic } from '@meridian/opportunities/contracts';
import type { OpportunityListItem } from '@meridian/read-models/opportunity-list';
import { opportunityListProjection } from '@meridian/read-models/opportunity-list';
import type { FunnelEntry } from '@meridian/read-models/sales-funnel';
import { salesFunnelProjection } from '@meridian/read-models/sales-funnel';
import type { OpportunityReadModels } from '../shared/opportunity-read-models';

export type InProcessReadModels = Readonly<{ readModels: OpportunityReadModels; projections: InProcessProjections }>;

/**
 * Standalone mode's read side: the list and the funnel in the host's read
 * store, fed from its event store in process. Each keeps its progress mark
 * there, so a restart resumes from it; an empty one is filled by a bulk
 * replay of the history (with progress output).
 */
export const startInProcessReadModels = async (
  store: EventStore,
  readStore: InProcessReadStore,
  log: StructuredLog,
  progress: (line: string) => void,
  maxWaitMs: number,
  startWhen?: Promise<unknown>,
): Promise<InProcessReadModels> => {
  const list = readStore.open<OpportunityListItem>(opportunityListProjection.readModel);
  const funnel = readStore.open<FunnelEntry>(salesFunnelProjection.readModel);
  const router = createEventRouter({ catalogues: [opportunitiesPublicCatalogue] });
  const projections = await startInProcessProjections({
    feed: createStoreFeed(store, router, [opportunitiesTopic]),
    readModels: [bindReadModel(opportunityListProjection, list.storage, list.reset), bindReadModel(salesFunnelProjection, funnel.storage, funnel.reset)],
    log,
    progress,
    ...(startWhen === undefined ? {} : { startWhen }),
  });
  return {
    projections,
    readModels: {
      opportunityList: inProcessReadModelAccess(list.storage, projections),
      salesFunnel: inProcessReadModelAccess(funnel.storage, projections),
      maxWaitMs,
    },
  };
};
