import type { CommandHandler, EventStore } from '@meridian/platform/eventsourcing';
import type { HostedProcessManager } from '@meridian/platform/projections';
import { hostProcessManager } from '@meridian/platform/projections';
import { ordersPublicCatalogue } from '@meridian/orders/contracts';
import { orderValueSegments } from './order-value-segments.process-manager';

/** Every process manager of the customers context, for `ProcessManagersModule`. */
export const customersProcessManagers = (handler: CommandHandler, store: EventStore): readonly HostedProcessManager[] => [
  hostProcessManager(orderValueSegments(handler, store)),
];

/** The catalogues of the topics they consume (the in-process feed routes with them). */
export const customersProcessManagerCatalogues = [ordersPublicCatalogue];
