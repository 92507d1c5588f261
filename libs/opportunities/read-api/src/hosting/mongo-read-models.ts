import type { MongoReadSideSettings } from '@meridian/platform/nest';
import { openMongoReadSide } from '@meridian/platform/nest';
import { opportunityListDefinition } from '@meridian/read-models/opportunity-list';
import { salesFunnelDefinition } from '@meridian/read-models/sales-funnel';
import type { OpportunityReadModels } from '../shared/opportunity-read-models';

export type MongoReadModelsSettings = MongoReadSideSettings & Readonly<{ maxWaitMs: number }>;

export type MongoReadModels = Readonly<{ readModels: OpportunityReadModels; close: () => Promise<void> }>;

/**
 * Production read side: the list's and the funnel's active generations in
 * MongoDB, kept by the projections process (see openMongoReadSide: lazy
 * connections, one breaker, the relay's progress for read-your-writes).
 */
export const openMongoReadModels = (settings: MongoReadModelsSettings): MongoReadModels => {
  const side = openMongoReadSide(settings);
  return {
    readModels: {
      opportunityList: side.access(opportunityListDefinition),
      salesFunnel: side.access(salesFunnelDefinition),
      maxWaitMs: settings.maxWaitMs,
    },
    close: side.close,
  };
};
