import type { ProjectedDocument, ReadModelDefinition } from '@meridian/platform/projections';
import { customerActivityDefinition } from '@meridian/read-models/customer-activity';
import { customerListDefinition } from '@meridian/read-models/customer-list';
import { opportunityListDefinition } from '@meridian/read-models/opportunity-list';
import { orderListDefinition } from '@meridian/read-models/order-list';
import { salesFunnelDefinition } from '@meridian/read-models/sales-funnel';

/** Every read model this process can host or rebuild, by name. */
export const readModelCatalogue: Readonly<Record<string, ReadModelDefinition<ProjectedDocument>>> = {
  [opportunityListDefinition.projection.readModel]: opportunityListDefinition as unknown as ReadModelDefinition<ProjectedDocument>,
  [salesFunnelDefinition.projection.readModel]: salesFunnelDefinition as unknown as ReadModelDefinition<ProjectedDocument>,
  [customerListDefinition.projection.readModel]: customerListDefinition as unknown as ReadModelDefinition<ProjectedDocument>,
  [customerActivityDefinition.projection.readModel]: customerActivityDefinition as unknown as ReadModelDefinition<ProjectedDocument>,
  [orderListDefinition.projection.readModel]: orderListDefinition as unknown as ReadModelDefinition<ProjectedDocument>,
};

export const readModelNames = Object.keys(readModelCatalogue);
