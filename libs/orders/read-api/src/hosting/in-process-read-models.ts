import type { EventStore } from '@meridian/platform/eventsourcing';
import type { StructuredLog } from '@meridian/platform/kafka';
import { createEventRouter } from '@meridian/platform/kafka';
import type { InProcessProjections, InProcessReadStore } from '@meridian/platform/projections';
import { bindReadModel, createStoreFeed, inProcessReadModelAccess, startInProcessProjections } from '@meridian/platform/projections';
import { ordersPublicCatalogue } from '@meridian/orders/contracts';
import type { OrderListItem } from '@meridian/read-models/order-list';
import { orderListDefinition } from '@meridian/read-models/order-list';
import type { OrderReadModels } from '../shared/order-read-models';

export type InProcessOrderReadModels = Readonly<{ readModels: OrderReadModels; projections: InProcessProjections }>;

/**
 * Standalone mode's read side: the order list in the host's read store, fed
 * from its event store in process through the relay's router. It keeps its
 * progress mark there, so a restart resumes from it; an empty one is filled
 * by a bulk replay of the history (with progress output).
 */
export const startInProcessOrderReadModels = async (
  store: EventStore,
  readStore: InProcessReadStore,
  log: StructuredLog,
  progress: (line: string) => void,
  maxWaitMs: number,
  startWhen?: Promise<unknown>,
): Promise<InProcessOrderReadModels> => {
  const list = readStore.open<OrderListItem>(orderListDefinition.projection.readModel);
  const projections = await startInProcessProjections({
    feed: createStoreFeed(store, createEventRouter({ catalogues: [ordersPublicCatalogue] }), orderListDefinition.topics),
    readModels: [bindReadModel(orderListDefinition.projection, list.storage, list.reset)],
    log,
    progress,
    ...(startWhen === undefined ? {} : { startWhen }),
  });
  return { projections, readModels: { orderList: inProcessReadModelAccess(list.storage, projections), maxWaitMs } };
};
