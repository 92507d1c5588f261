import { customersPublicCatalogue } from '@meridian/customers/contracts';
import { opportunitiesPublicCatalogue } from '@meridian/opportunities/contracts';
import { ordersPublicCatalogue } from '@meridian/orders/contracts';
import type { AsyncApiContext } from './asyncapi-context';

/**
 * One document per context that publishes on Kafka. The spec holds this list
 * to `publicCatalogues` (what the relay publishes), so a new context fails
 * until it is added here, with the wording its catalogue cannot give.
 */
export const asyncApiContexts: readonly AsyncApiContext[] = [
  {
    name: 'opportunities',
    entity: 'Opportunity',
    contractsLibrary: 'libs/opportunities/contracts',
    catalogue: opportunitiesPublicCatalogue,
    streams: { opportunity: { id: 'uuid', onePer: 'deal' } },
    exampleReadModel: 'opportunity-list',
    exampleViolation: { type: 'OpportunityStageChanged', missingField: 'fromStage' },
  },
  {
    name: 'customers',
    entity: 'Customer',
    contractsLibrary: 'libs/customers/contracts',
    catalogue: customersPublicCatalogue,
    streams: {
      customer: { id: 'customerId', onePer: 'customer' },
      customer_import: { id: 'importId', onePer: 'import job (tenant and file)' },
      segment_policy: { id: 'tenantId', onePer: "tenant's value-segment policy" },
    },
    exampleReadModel: 'customer-list',
    exampleViolation: { type: 'CustomerRegistered', missingField: 'region' },
  },
  {
    name: 'orders',
    entity: 'Order',
    contractsLibrary: 'libs/orders/contracts',
    catalogue: ordersPublicCatalogue,
    streams: { order: { id: 'orderId', onePer: 'order' } },
    exampleReadModel: 'customer-activity',
    exampleViolation: { type: 'PaymentReceived', missingField: 'paidToDate' },
  },
];
