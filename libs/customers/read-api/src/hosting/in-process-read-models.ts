import type { EventStore } from '@meridian/platform/eventsourcing';
import type { StructuredLog } from '@meridian/platform/kafka';
import { createEventRouter } from '@meridian/platform/kafka';
import type { InProcessProjections } from '@meridian/platform/projections';
import { bindReadModel, createMemoryReadModelStorage, createStoreFeed, inProcessReadModelAccess, startInProcessProjections } from '@meridian/platform/projections';
import { publicCatalogues } from '@meridian/contexts/catalogues';
import type { CustomerActivityDocument } from '@meridian/read-models/customer-activity';
import { customerActivityDefinition } from '@meridian/read-models/customer-activity';
import type { CustomerListItem } from '@meridian/read-models/customer-list';
import { customerListDefinition } from '@meridian/read-models/customer-list';
import type { CustomerReadModels } from '../shared/customer-read-models';

export type InProcessCustomerReadModels = Readonly<{ readModels: CustomerReadModels; projections: InProcessProjections }>;

export type InProcessSettings = Readonly<{ log: StructuredLog; progress: (line: string) => void; maxWaitMs: number }>;

/**
 * Standalone mode: the customer list and customer activity in memory, fed
 * from the embedded event store in process through the relay's own router
 * (every context's catalogue: activity reads customers, opportunities and
 * orders). The event store is the durable part; a restart replays it.
 */
export const startInProcessCustomerReadModels = async (store: EventStore, settings: InProcessSettings): Promise<InProcessCustomerReadModels> => {
  const list = createMemoryReadModelStorage<CustomerListItem>();
  const activity = createMemoryReadModelStorage<CustomerActivityDocument>();
  const topics = [...new Set([...customerListDefinition.topics, ...customerActivityDefinition.topics])];
  const projections = await startInProcessProjections({
    feed: createStoreFeed(store, createEventRouter({ catalogues: [...publicCatalogues] }), topics),
    readModels: [bindReadModel(customerListDefinition.projection, list), bindReadModel(customerActivityDefinition.projection, activity)],
    log: settings.log,
    progress: settings.progress,
  });
  return {
    projections,
    readModels: {
      customerList: inProcessReadModelAccess(list, projections),
      customerActivity: inProcessReadModelAccess(activity, projections),
      maxWaitMs: settings.maxWaitMs,
    },
  };
};
