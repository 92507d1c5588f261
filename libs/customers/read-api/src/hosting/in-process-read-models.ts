import type { EventStore } from '@meridian/platform/eventsourcing';
import type { StructuredLog } from '@meridian/platform/kafka';
import { createEventRouter } from '@meridian/platform/kafka';
import type { InProcessProjections, InProcessReadStore } from '@meridian/platform/projections';
import { bindReadModel, createStoreFeed, inProcessReadModelAccess, startInProcessProjections } from '@meridian/platform/projections';
import { publicCatalogues } from '@meridian/contexts/catalogues';
import type { CustomerActivityDocument } from '@meridian/read-models/customer-activity';
import { customerActivityDefinition } from '@meridian/read-models/customer-activity';
import type { CustomerListItem } from '@meridian/read-models/customer-list';
import { customerListDefinition } from '@meridian/read-models/customer-list';
import type { CustomerReadModels } from '../shared/customer-read-models';

export type InProcessCustomerReadModels = Readonly<{ readModels: CustomerReadModels; projections: InProcessProjections }>;

export type InProcessSettings = Readonly<{ readStore: InProcessReadStore; log: StructuredLog; progress: (line: string) => void; maxWaitMs: number; startWhen?: Promise<unknown> }>;

/**
 * Standalone mode: the customer list and customer activity in the host's
 * read store, fed from its event store in process through the relay's own
 * router (every context's catalogue: activity reads customers, opportunities
 * and orders). Each keeps its progress mark there, so a restart resumes from
 * it; an empty one is filled by a bulk replay of the history.
 */
export const startInProcessCustomerReadModels = async (store: EventStore, settings: InProcessSettings): Promise<InProcessCustomerReadModels> => {
  const list = settings.readStore.open<CustomerListItem>(customerListDefinition.projection.readModel);
  const activity = settings.readStore.open<CustomerActivityDocument>(customerActivityDefinition.projection.readModel);
  const topics = [...new Set([...customerListDefinition.topics, ...customerActivityDefinition.topics])];
  const projections = await startInProcessProjections({
    feed: createStoreFeed(store, createEventRouter({ catalogues: [...publicCatalogues] }), topics),
    readModels: [
      bindReadModel(customerListDefinition.projection, list.storage, list.reset),
      bindReadModel(customerActivityDefinition.projection, activity.storage, activity.reset),
    ],
    log: settings.log,
    progress: settings.progress,
    ...(settings.startWhen === undefined ? {} : { startWhen: settings.startWhen }),
  });
  return {
    projections,
    readModels: {
      customerList: inProcessReadModelAccess(list.storage, projections),
      customerActivity: inProcessReadModelAccess(activity.storage, projections),
      maxWaitMs: settings.maxWaitMs,
    },
  };
};
