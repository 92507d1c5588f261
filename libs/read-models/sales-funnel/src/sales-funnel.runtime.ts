import type { ReadModelDefinition } from '@meridian/platform/projections';
import { opportunitiesTopic } from '@meridian/opportunities/contracts';
import type { FunnelEntry } from './sales-funnel.model';
import { salesFunnelProjection } from './sales-funnel.projection';
import { ensureSalesFunnelIndexes } from './sales-funnel.queries';

/** The sales funnel as the runtime hosts it: fed by `crm.opportunities`. */
export const salesFunnelDefinition: ReadModelDefinition<FunnelEntry> = {
  projection: salesFunnelProjection,
  topics: [opportunitiesTopic],
  ensureIndexes: ensureSalesFunnelIndexes,
};
