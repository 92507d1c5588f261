import { customersPublicCatalogue } from '@meridian/customers/contracts';
import { opportunitiesPublicCatalogue } from '@meridian/opportunities/contracts';
import { ordersPublicCatalogue } from '@meridian/orders/contracts';

/**
 * Every context's public face on Kafka, in one list for the processes that
 * serve all of them: the relay routes with it, and a rebuild replays through
 * the same router. A new context adds its catalogue here.
 */
export const publicCatalogues = [customersPublicCatalogue, opportunitiesPublicCatalogue, ordersPublicCatalogue] as const;
