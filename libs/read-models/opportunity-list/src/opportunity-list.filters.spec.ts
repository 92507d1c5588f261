import { createMemoryReadModelStorage } from '@meridian/platform/projections';
import type { OpportunityListItem } from './opportunity-list.projection';
import { opportunityListFiltersContract } from './testing/opportunity-list-filters.contract';

opportunityListFiltersContract('memory', async () => createMemoryReadModelStorage<OpportunityListItem>());
