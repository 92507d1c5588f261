import type { ReadModelDefinition } from '@meridian/platform/projections';
import { opportunitiesTopic } from '@meridian/opportunities/contracts';
import type { OpportunityListItem } from './opportunity-list.projection';
import { opportunityListProjection } from './opportunity-list.projection';
import { ensureOpportunityListIndexes } from './opportunity-list.queries';

/** The opportunity list as the runtime hosts it: fed by `crm.opportunities`. */
export const opportunityListDefinition: ReadModelDefinition<OpportunityListItem> = {
  projection: opportunityListProjection,
  topics: [opportunitiesTopic],
  ensureIndexes: ensureOpportunityListIndexes,
};
