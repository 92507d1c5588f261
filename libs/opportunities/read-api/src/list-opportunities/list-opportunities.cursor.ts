import type { PageCursorScope } from '@meridian/platform/nest';
import type { OpportunityListQuery } from '@meridian/read-models/opportunity-list';
import { defaultOpportunityListSort } from '@meridian/read-models/opportunity-list';

/** What an opportunity-list cursor is bound to: the sort (defaults applied) and every filter, the tenant's included. */
export const opportunityListCursorScope = (query: OpportunityListQuery): PageCursorScope => {
  const by = query.sortBy ?? defaultOpportunityListSort.by;
  return {
    sort: { by, direction: query.direction ?? defaultOpportunityListSort.direction },
    keyTypes: [by === 'amount' ? 'number' : 'string', 'string'],
    filter: {
      tenantId: query.tenantId,
      ownerId: query.ownerId,
      stage: query.stage,
      region: query.region,
      customerId: query.customerId,
      name: query.name?.trim().toLowerCase(),
      archived: query.archived ?? 'exclude',
      closeDateFrom: query.closeDateFrom,
      closeDateTo: query.closeDateTo,
    },
  };
};
