import type { PublicEventCatalogue } from '@meridian/platform/kafka';
import { opportunitiesPublicCatalogue } from '@meridian/opportunities/contracts';

/** The opportunities context as the relay sees it: `opportunity-…` streams → `crm.opportunities`. */
export const opportunitiesCatalogue: PublicEventCatalogue = opportunitiesPublicCatalogue;

/** Every context the relay publishes; a new context adds its catalogue here. */
export const relayCatalogues: readonly PublicEventCatalogue[] = [opportunitiesCatalogue];
