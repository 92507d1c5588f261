import type { CommandHandler } from '@meridian/platform/eventsourcing';
import type { HostedProcessManager } from '@meridian/platform/projections';
import { hostProcessManager } from '@meridian/platform/projections';
import { opportunitiesPublicCatalogue } from '@meridian/opportunities/contracts';
import { wonOpportunityDrafts } from './won-opportunity-drafts.process-manager';

/** Every process manager of the orders context, for `ProcessManagersModule`. */
export const ordersProcessManagers = (handler: CommandHandler): readonly HostedProcessManager[] => [hostProcessManager(wonOpportunityDrafts(handler))];

/** The catalogues of the topics they consume (the in-process feed routes with them). */
export const ordersProcessManagerCatalogues = [opportunitiesPublicCatalogue];
